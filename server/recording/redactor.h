// Redactor: what must never reach a fixture file — the request's own credentials wherever they
// appear, and any string that looks like an OpenAI key. The rules live in journal/credentials.h,
// shared with the request journal, so a fixture and /_chatmock/requests hide the same things.
#pragma once

#include "journal/credentials.h"

namespace chatmock::recording {

using journal::kRedacted;
using Redactor = journal::SecretRedactor;

}  // namespace chatmock::recording
