// chatmock: the command line lives in the app library (app/cli_main.cpp).
#include <string>

#include "app/cli_main.h"

int main(int argc, char** argv) {
  return chatmock::app::run_cli(argc, argv, std::string(CHATMOCK_VERSION));
}
