// The download of everything held about a learner: their PersonalRecords
// (domain/privacy/personal_records.h) as a zip of JSON files, one per part
// of the app, with a README (the schema: docs/data-export.md). Shared by
// GET /api/v1/me/export and `securebase export-user`, so both give the
// same bytes for the same records.
//
// Thread-safety: a pure function.
#pragma once

#include <string>
#include <string_view>

#include "common/clock.h"
#include "common/error.h"
#include "domain/accounts/session.h"
#include "domain/privacy/personal_records.h"

namespace securebase::api {

// The zip, written at `now`. `current_session_id` marks the browser that
// asked ("" from the command line); `session_state` is that browser's
// two-factor state, as in GET /api/v1/me.
Result<std::string> PersonalExportZip(const domain::PersonalRecords& records,
                                      std::string_view current_session_id,
                                      domain::TwoFactorState session_state, Instant now);

// "secure-base-2026-03-30.zip": the file name the download suggests.
std::string PersonalExportFileName(Instant now);

}  // namespace securebase::api
