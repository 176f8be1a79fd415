"""Sessions: every `chatmock` test is a session of one shared server, and Chatmock.session
scopes threads of one test the same way (journal, stubs and scenario sequences per session)."""

import concurrent.futures
import threading
import urllib.error

import pytest

import chatmock_pytest
from test_chatmock_fixture import REQUEST, post

# A session other than the tests' own, left behind on purpose by the first test below.
LEFTOVER = "leftover-of-another-test"


def ask(base_url, content, model="gpt-4o-mini", headers=None):
    return post(base_url, {"model": model, "messages": [{"role": "user", "content": content}]},
                headers)


def test_first_of_two_sharing_the_server(chatmock, chatmock_server):
    assert chatmock.server is chatmock_server
    ask(chatmock.base_url, "from the first test")
    ask(chatmock.root_url + "/v1", "from elsewhere", headers={"X-Chatmock-Session": LEFTOVER})
    chatmock.add_stub({"match": {"model": "probe"},
                       "reply": {"synthesize": {"content": "first test's stub"}}})
    assert [r["body"]["messages"][0]["content"] for r in chatmock.requests()] == [
        "from the first test"]


def test_second_of_two_sharing_the_server(chatmock, chatmock_server):
    assert chatmock.server is chatmock_server
    # The first test's LEFTOVER session is still on the server (this test runs after it), yet
    # this one sees none of it.
    assert any(r["session"] == LEFTOVER for r in chatmock_server.requests())
    status, body = ask(chatmock.base_url, "from the second test", model="probe")
    assert status == 200
    assert body["choices"][0]["message"]["content"] != "first test's stub"
    requests = chatmock.requests()
    assert [r["body"]["messages"][0]["content"] for r in requests] == ["from the second test"]
    assert requests[0]["session"] == chatmock.session
    chatmock_server.session(LEFTOVER).reset()
    assert not any(r["session"] == LEFTOVER for r in chatmock_server.requests())


def test_count_and_find_with_a_stub_pattern(chatmock):
    ask(chatmock.base_url, "What is the weather in Paris?", model="gpt-4o")
    ask(chatmock.base_url, "And the weather in Rome?", model="gpt-4o")
    ask(chatmock.base_url, "What is the weather in Oslo?", model="gpt-4o-mini")
    ask(chatmock.base_url, "Tell me a joke", model="gpt-4o")
    pattern = {"model": "gpt-4o", "last_user_message": {"contains": "weather"}}
    assert chatmock.count(pattern) == 2
    found = chatmock.find(pattern)
    assert [r["body"]["messages"][0]["content"] for r in found] == [
        "What is the weather in Paris?", "And the weather in Rome?"]
    assert chatmock.count({"last_user_message": {"regex": "^Tell"}}) == 1
    assert chatmock.count({"model": "absent"}) == 0
    with pytest.raises(urllib.error.HTTPError, match="pattern"):
        chatmock.count({"model": 3})
    # Another session's matching requests are not counted.
    other = chatmock.server.session("count-find-other")
    ask(other.base_url, "weather again", model="gpt-4o")
    assert chatmock.count(pattern) == 2
    assert other.count(pattern) == 1
    other.reset()


def test_session_stub_answers_only_its_session(chatmock):
    ids = chatmock.add_stub({"match": {"model": "stubbed"},
                             "reply": {"synthesize": {"content": "from a session stub"}}})
    assert len(ids) == 1
    status, body = ask(chatmock.base_url, "hi", model="stubbed")
    assert (status, body["choices"][0]["message"]["content"]) == (200, "from a session stub")
    other = chatmock.server.session("stub-other")
    status, body = ask(other.base_url, "hi", model="stubbed")
    assert body["choices"][0]["message"]["content"] != "from a session stub"
    other.reset()
    chatmock.reset()  # the session's stub goes with it
    status, body = ask(chatmock.base_url, "hi", model="stubbed")
    assert body["choices"][0]["message"]["content"] != "from a session stub"


def test_reset_restarts_only_this_sessions_sequences(chatmock):
    sequence = {"X-Chatmock-Scenario": "error_500,default"}
    other = chatmock.server.session("reset-other")
    assert ask(other.base_url, "x", headers=sequence)[0] == 500
    assert ask(chatmock.base_url, "x", headers=sequence)[0] == 500
    chatmock.reset()
    assert chatmock.requests() == []
    assert len(other.requests()) == 1
    assert ask(chatmock.base_url, "x", headers=sequence)[0] == 500  # started over
    assert ask(other.base_url, "x", headers=sequence)[0] == 200  # carried on
    other.reset()


def test_threads_in_parallel_each_see_only_their_own_journal(chatmock_server):
    names = ["thread-%d" % i for i in range(4)]
    start = threading.Barrier(len(names))

    def worker(name):
        session = chatmock_server.session(name)
        retrying = "%s/sessions/%s/scenarios/error_500,error_500,default/v1" % (
            session.root_url, name)
        start.wait(timeout=30)
        statuses = [ask(retrying, "from " + name)[0] for _ in range(3)]
        requests = session.requests()
        session.reset()
        return statuses, requests

    with concurrent.futures.ThreadPoolExecutor(max_workers=len(names)) as pool:
        results = dict(zip(names, pool.map(worker, names)))
    for name, (statuses, requests) in results.items():
        assert statuses == [500, 500, 200], name
        assert [r["status"] for r in requests] == [500, 500, 200], name
        assert {r["session"] for r in requests} == {name}
        assert {r["body"]["messages"][0]["content"] for r in requests} == {"from " + name}
        assert all(r["path"].endswith("/v1/chat/completions") for r in requests)


def test_session_ids_from_node_ids():
    plain = "test_x.py::test_y"
    assert chatmock_pytest.session_id_for(plain) == plain
    odd = chatmock_pytest.session_id_for("tests/test_x.py::test_y[a b/c]")
    assert odd.startswith("tests_test_x.py::test_y_a_b_c~")
    long_ids = [chatmock_pytest.session_id_for("t/" + "x" * 300 + str(i)) for i in range(2)]
    assert all(len(i) <= 128 for i in long_ids)
    assert long_ids[0] != long_ids[1]
    for name in [odd] + long_ids:
        chatmock_pytest.ChatmockSession(None, name)  # valid, or this raises


@pytest.mark.parametrize("name", ["", "a/b", "a b", "x" * 129, "[x]", "é"])
def test_invalid_session_names_are_refused(chatmock_server, name):
    with pytest.raises(ValueError, match="session id"):
        chatmock_server.session(name)


def test_the_fixture_session_is_named_after_the_test(chatmock, request):
    assert chatmock.session == chatmock_pytest.session_id_for(request.node.nodeid)


def test_stopping_the_shared_server_restarts_it_for_later_tests(chatmock):
    chatmock.stop()
    assert not chatmock.server.running


def test_after_a_stop_the_shared_server_is_back(chatmock):
    assert ask(chatmock.base_url, REQUEST["messages"][0]["content"])[0] == 200
