-- wrk script: POST a small Responses API request with an API key, as an SDK would.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer sk-bench"
wrk.body = '{"model":"gpt-4o-mini","input":"Say hello"}'
