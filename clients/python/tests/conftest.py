# The plugin under test lives one folder up; load it as users do, by module name.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
pytest_plugins = ["chatmock_pytest"]
