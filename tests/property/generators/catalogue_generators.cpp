// Generators for the small wire types outside the chat family: GET /v1/models entries and lists,
// and error bodies. Arbitrary text everywhere, so the direct writer's escaping is exercised on
// them as on completions.
#include "api/api_error.h"
#include "api/model_list.h"
#include "generators/wire_generators.h"

namespace chatmock::property {

namespace {
using rc::gen::arbitrary;
using rc::gen::build;
using rc::gen::set;

rc::Gen<std::optional<std::string>> optional_text(std::size_t max) {
  return rc::gen::weightedOneOf<std::optional<std::string>>({
      {1, rc::gen::just(std::optional<std::string>())},
      {2, rc::gen::map(text(max),
                       [](std::string s) { return std::optional<std::string>(std::move(s)); })},
  });
}
}  // namespace

rc::Gen<api::Model> model() {
  return build<api::Model>(
      set(&api::Model::id, text(20)),
      set(&api::Model::object, rc::gen::weightedOneOf<std::string>(
                                   {{4, rc::gen::just(std::string("model"))}, {1, text(8)}})),
      set(&api::Model::created, arbitrary<std::int64_t>()), set(&api::Model::owned_by, text(10)));
}

rc::Gen<api::ModelList> model_list() {
  return build<api::ModelList>(
      set(&api::ModelList::object, rc::gen::weightedOneOf<std::string>(
                                       {{4, rc::gen::just(std::string("list"))}, {1, text(8)}})),
      set(&api::ModelList::data, small_vector(model(), 4)));
}

rc::Gen<api::ApiError> api_error() {
  return build<api::ApiError>(
      set(&api::ApiError::status, rc::gen::inRange(100, 600)),
      set(&api::ApiError::message, text(60)),
      set(&api::ApiError::type,
          rc::gen::weightedOneOf<std::string>(
              {{4, rc::gen::element<std::string>("invalid_request_error", "server_error")},
               {1, text(8)}})),
      set(&api::ApiError::param, optional_text(12)), set(&api::ApiError::code, optional_text(12)));
}

}  // namespace chatmock::property
