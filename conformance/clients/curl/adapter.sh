#!/bin/sh
# chatmock conformance adapter with no SDK: raw HTTP through curl, JSON through jq. It shows what
# a hand-rolled client sees: no retries, and a stream read as every "data:" line of the body
# (LF-terminated, exactly one space after the colon), choices folded by index.
command -v jq >/dev/null 2>&1 || { echo '{"skip":"jq is not installed"}'; exit 0; }
command -v curl >/dev/null 2>&1 || { echo '{"skip":"curl is not installed"}'; exit 0; }
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
cat > "$dir/input.json"
if jq -e '.api == "responses"' "$dir/input.json" >/dev/null; then
  echo '{"unsupported":"the curl adapter speaks Chat Completions only"}'; exit 0
fi
jq -r '(.headers // {}) | to_entries[] | "\(.key): \(.value)"' "$dir/input.json" > "$dir/headers.txt"
jq -c 'del(.headers)' "$dir/input.json" > "$dir/body.json"
status=$(curl -sS -N -o "$dir/response" -w '%{http_code}' -H @"$dir/headers.txt" \
  -H "Authorization: Bearer $OPENAI_API_KEY" -H 'Content-Type: application/json' \
  --data-binary @"$dir/body.json" "$OPENAI_BASE_URL/chat/completions" 2>"$dir/curl.err")
if [ "$?" -ne 0 ] || [ "$status" = "000" ]; then
  jq -cn --arg m "$(head -c 200 "$dir/curl.err")" '{ok:false,error:{status:null,type:"connection_error",code:null,message:$m}}'
  exit 0
fi
case "$status" in
  2??) ;;
  *) jq -c --argjson s "$status" '{ok:false,error:{status:$s,type:(.error.type // null),code:(.error.code // null),message:(.error.message // null)}}' "$dir/response" 2>/dev/null \
       || jq -cn --argjson s "$status" --arg m "$(head -c 200 "$dir/response")" '{ok:false,error:{status:$s,type:null,code:null,message:$m}}'
     exit 0 ;;
esac
project='{ok:true,id,model,usage:(.usage|if .==null then null else {prompt_tokens,completion_tokens,total_tokens} end),
  choices:[.choices[]|{index,finish_reason,content:.message.content,refusal:.message.refusal,
    tool_calls:[(.message.tool_calls//[])[]|{id,name:.function.name,arguments:.function.arguments}],
    function_call:(.message.function_call|if .==null then null else {name,arguments} end)}]}'
if jq -e '.stream == true' "$dir/body.json" >/dev/null; then
  sed -n 's/^data: //p' "$dir/response" | grep -v '^\[DONE\]' | jq -cs '
    if any(.[]; type=="object" and has("error")) then
      (map(select(type=="object" and has("error")))[0].error) as $e
      | {ok:false,error:{status:null,type:$e.type,code:$e.code,message:$e.message}}
    else
      reduce .[] as $c ({id:null,model:null,usage:null,choices:{}};
        .id = ($c.id // .id) | .model = ($c.model // .model) | .usage = ($c.usage // .usage)
        | reduce ($c.choices // [])[] as $ch (.;
            ($ch.index|tostring) as $i
            | .choices[$i].index = $ch.index
            | .choices[$i].finish_reason = ($ch.finish_reason // .choices[$i].finish_reason)
            | .choices[$i].message.content = (if $ch.delta.content == null then .choices[$i].message.content else (.choices[$i].message.content // "") + $ch.delta.content end)
            | .choices[$i].message.refusal = (if $ch.delta.refusal == null then .choices[$i].message.refusal else (.choices[$i].message.refusal // "") + $ch.delta.refusal end)
            | reduce ($ch.delta.tool_calls // [])[] as $t (.;
                .choices[$i].message.tool_calls[$t.index].id = ($t.id // .choices[$i].message.tool_calls[$t.index].id)
                | .choices[$i].message.tool_calls[$t.index].function.name = ($t.function.name // .choices[$i].message.tool_calls[$t.index].function.name)
                | .choices[$i].message.tool_calls[$t.index].function.arguments = ((.choices[$i].message.tool_calls[$t.index].function.arguments // "") + ($t.function.arguments // "")))))
      | .choices = (.choices | to_entries | sort_by(.value.index) | map(.value))
    end' | jq -c "if .ok == false then . else $project end"
else
  jq -c "$project" "$dir/response" 2>/dev/null || echo '{"ok":false,"error":{"status":null,"type":"invalid_response","code":null,"message":"body is not JSON"}}'
fi
