// Feeds a request body to the readers every JSON route shares: ParseJsonObject
// (api/json_body), then each field of the object through JsonFields
// (api/json_fields) and JsonReader (api/json_reader) as text, flag, number,
// whole number, list of texts, object and array.
//
// Beyond "no crash" it checks that the readers name exactly the fields of
// the wrong type: JsonFields.Check() fails with one field error per value
// that is neither null nor of the type asked for, and a strict JsonReader
// that knows no field names every key once.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "api/json_body.h"
#include "api/json_fields.h"
#include "api/json_reader.h"

namespace {

using namespace securebase;

void Require(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  http::Request req;
  req.message.body().assign(reinterpret_cast<const char*>(data), size);
  auto body = api::ParseJsonObject(req);
  if (!body) {
    Require(body.error().code == ErrorCode::kInvalidArgument);
    return 0;
  }
  const boost::json::object& obj = *body;

  std::size_t wrong = 0;
  api::JsonFields fields(obj);
  for (const auto& kv : obj) {
    const std::string_view key = kv.key();
    const boost::json::value& v = kv.value();
    if (v.is_null()) {
      Require(fields.Text(key).empty());
      continue;
    }
    switch (key.size() % 3) {
      case 0: {
        const std::string text = fields.Text(key);
        if (v.is_string())
          Require(text == std::string_view(v.get_string()));
        else
          ++wrong;
        break;
      }
      case 1: {
        const auto flag = fields.OptionalBool(key);
        Require(flag.has_value() == v.is_bool());
        if (!v.is_bool()) ++wrong;
        break;
      }
      default: {
        const auto number = fields.OptionalNumber(key);
        Require(number.has_value() == v.is_number());
        if (!v.is_number()) ++wrong;
        break;
      }
    }
  }
  const Status checked = fields.Check();
  Require(checked.has_value() == (wrong == 0));
  if (!checked) Require(checked.error().fields.size() == wrong);

  std::vector<FieldError> errors;
  api::JsonReader strict(errors, true);
  strict.OnlyKnown(obj, "", {});
  Require(errors.size() == obj.size());

  errors.clear();
  api::JsonReader reader(errors, false);
  for (const auto& kv : obj) {
    const std::string key(kv.key());
    (void)reader.Text(obj, "body", key);
    (void)reader.TextList(obj, "body", key);
    (void)reader.Bool(obj, "body", key);
    const auto whole = reader.Whole(&kv.value(), api::JsonReader::Join("body", key), "whole");
    if (whole && kv.value().is_double()) {
      Require(std::floor(kv.value().get_double()) == kv.value().get_double());
    }
    if (const auto* inner = reader.Object(obj, "body", key)) {
      for (const auto& ikv : *inner) (void)reader.Text(*inner, key, ikv.key());
    }
    (void)reader.Array(obj, "body", key);
  }
  return 0;
}
