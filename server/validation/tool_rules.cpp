// Rules for tool definitions and tool selection: `tools` (FunctionObject, spec:40623), legacy
// `functions` (spec:30797-30812), `tool_choice`, `function_call` and `parallel_tool_calls`,
// including the cross-field rules the spec leaves unwritten (docs/openai-behaviour.md §4, last
// list).
#include <algorithm>
#include <string_view>
#include <vector>

#include "synthesis/json_schema_cycles.h"
#include "validation/rule_context.h"

namespace chatmock::validation::detail {
namespace {

constexpr std::size_t kMaxFunctions = 128;  // spec: `functions` maxItems

/// The names a request defines, which tool_choice and function_call may refer to.
struct DefinedNames {
  std::vector<std::string> functions;  ///< `tools` of type function
  std::vector<std::string> custom;     ///< `tools` of type custom
  std::vector<std::string> legacy;     ///< deprecated `functions`
};

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// A FunctionObject: {name, description?, parameters?, strict?}; records the name if well-typed.
void check_function_object(const json& function, const std::string& path,
                           std::vector<std::string>& names, RuleContext& ctx) {
  if (const json* name = member(function, "name")) {
    ctx.check_name("validation.tool_name_invalid", *name, path + ".name");
    if (name->is_string()) names.push_back(name->get<std::string>());
  } else {
    ctx.missing("validation.missing_field", path + ".name");
  }
  ctx.optional_member(function, "description", kString, path);
  if (const json* parameters = ctx.optional_member(function, "parameters", kObject, path)) {
    if (const auto cycle = synthesis::find_required_cycle(*parameters)) {
      const json* name = member(function, "name");
      const std::string shown =
          name != nullptr && name->is_string() ? quote(name->get_ref<const std::string&>()) : "";
      ctx.report("validation.json_schema_required_cycle", path + ".parameters",
                 "invalid_json_schema",
                 "Invalid schema for function '" + shown +
                     "': no finite value satisfies it, because required properties form a "
                     "cycle: " +
                     quote(*cycle) + ".");
    }
  }
  ctx.optional_member(function, "strict", kBoolean | kNull, path);
}

void check_tool(const json& tool, const std::string& path, DefinedNames& names, RuleContext& ctx) {
  if (!ctx.expect(tool, kObject, path)) return;
  const json* type = ctx.require(tool, "type", kString, path);
  if (type == nullptr || !ctx.expect_one_of("validation.tool_type_invalid", *type,
                                            {"function", "custom"}, path + ".type")) {
    return;
  }
  if (type->get_ref<const std::string&>() == "function") {
    if (const json* function = ctx.require(tool, "function", kObject, path)) {
      check_function_object(*function, path + ".function", names.functions, ctx);
    }
    return;
  }
  if (const json* custom = ctx.require(tool, "custom", kObject, path)) {
    check_function_object(*custom, path + ".custom", names.custom, ctx);
  }
}

void check_named_choice(const json& choice, std::string_view kind,
                        const std::vector<std::string>& defined, RuleContext& ctx) {
  const json* target = ctx.require(choice, kind, kObject, "tool_choice");
  if (target == nullptr) return;
  const json* name = ctx.require(*target, "name", kString, "tool_choice." + std::string(kind));
  if (name == nullptr || contains(defined, name->get<std::string>())) return;
  ctx.report("validation.tool_choice_unknown_tool", "tool_choice", std::nullopt,
             "Invalid value for 'tool_choice': " + std::string(kind) + " tool '" +
                 quote(name->get<std::string>()) + "' is not one of the tools in 'tools'.");
}

void check_tool_choice(const json& choice, const DefinedNames& names, RuleContext& ctx) {
  if (choice.is_string()) {
    ctx.expect_one_of("validation.tool_choice_invalid", choice, {"none", "auto", "required"},
                      "tool_choice");
    return;
  }
  const json* type = ctx.require(choice, "type", kString, "tool_choice");
  if (type == nullptr ||
      !ctx.expect_one_of("validation.tool_choice_invalid", *type,
                         {"function", "custom", "allowed_tools"}, "tool_choice.type")) {
    return;
  }
  const auto& kind = type->get_ref<const std::string&>();
  if (kind == "function") {
    check_named_choice(choice, "function", names.functions, ctx);
  } else if (kind == "custom") {
    check_named_choice(choice, "custom", names.custom, ctx);
  } else if (const json* allowed = ctx.require(choice, "allowed_tools", kObject, "tool_choice")) {
    if (const json* mode = ctx.require(*allowed, "mode", kString, "tool_choice.allowed_tools")) {
      ctx.expect_one_of("validation.tool_choice_invalid", *mode, {"auto", "required"},
                        "tool_choice.allowed_tools.mode");
    }
    if (const json* tools = ctx.require(*allowed, "tools", kArray, "tool_choice.allowed_tools")) {
      for (std::size_t i = 0; i < tools->size(); ++i) {
        ctx.expect((*tools)[i], kObject, ctx.index("tool_choice.allowed_tools.tools", i));
      }
    }
  }
}

void check_function_call(const json& call, const std::vector<std::string>& functions,
                         RuleContext& ctx) {
  if (call.is_string()) {
    ctx.expect_one_of("validation.function_call_invalid", call, {"none", "auto"}, "function_call");
    return;
  }
  const json* name = ctx.require(call, "name", kString, "function_call");
  if (name == nullptr || contains(functions, name->get<std::string>())) return;
  ctx.report("validation.function_call_unknown_function", "function_call", std::nullopt,
             "Invalid value for 'function_call': function '" + quote(name->get<std::string>()) +
                 "' is not one of the functions in 'functions'.");
}

// "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified."
void report_requires(std::string id, const std::string& param, const std::string& needed,
                     RuleContext& ctx) {
  ctx.report(std::move(id), param, std::nullopt,
             "Invalid value for '" + param + "': '" + param + "' is only allowed when '" + needed +
                 "' are specified.");
}

}  // namespace

void check_tools(const json& body, RuleContext& ctx) {
  DefinedNames names;
  const json* tools = member(body, "tools");
  const bool has_tools = tools != nullptr && tools->is_array() && !tools->empty();
  if (tools != nullptr && tools->is_array()) {
    if (tools->empty()) ctx.empty_array("validation.tools_empty", "tools");
    if (tools->size() > ctx.options().max_tools) {
      ctx.array_too_long("validation.tools_too_many", "tools", ctx.options().max_tools,
                         tools->size());
    }
    for (std::size_t i = 0; i < tools->size(); ++i) {
      check_tool((*tools)[i], ctx.index("tools", i), names, ctx);
    }
  }
  const json* functions = member(body, "functions");
  const bool has_functions = functions != nullptr && functions->is_array() && !functions->empty();
  if (functions != nullptr && functions->is_array()) {
    if (functions->empty()) ctx.empty_array("validation.functions_empty", "functions");
    if (functions->size() > kMaxFunctions) {
      ctx.array_too_long("validation.functions_too_many", "functions", kMaxFunctions,
                         functions->size());
    }
    for (std::size_t i = 0; i < functions->size(); ++i) {
      const std::string path = ctx.index("functions", i);
      if (ctx.expect((*functions)[i], kObject, path)) {
        check_function_object((*functions)[i], path, names.legacy, ctx);
      }
    }
  }

  if (const json* choice = member(body, "tool_choice");
      choice && has_kind(*choice, kString | kObject)) {
    if (has_tools) {
      check_tool_choice(*choice, names, ctx);
    } else {
      report_requires("validation.tool_choice_without_tools", "tool_choice", "tools", ctx);
    }
  }
  if (const json* parallel = member(body, "parallel_tool_calls"); parallel && !has_tools) {
    report_requires("validation.parallel_tool_calls_without_tools", "parallel_tool_calls", "tools",
                    ctx);
  }
  if (const json* call = member(body, "function_call");
      call && has_kind(*call, kString | kObject)) {
    if (has_functions) {
      check_function_call(*call, names.legacy, ctx);
    } else {
      report_requires("validation.function_call_without_functions", "function_call", "functions",
                      ctx);
    }
  }
}

}  // namespace chatmock::validation::detail
