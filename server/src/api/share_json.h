// JSON for sharing (docs/api/sharing.md): a learner's share with one
// practitioner, and the practitioner's client list and client page.
//
// Thread-safety: pure functions.
#pragma once

#include <boost/json.hpp>

#include "domain/sharing/client_records.h"
#include "domain/sharing/sharing_service.h"

namespace securebase::api {

// {"practitioner": {"id", "name"}, "share": {...}, "updated_at"}
boost::json::object EncodePractitionerShare(const domain::PractitionerShare& share);
// A line of GET /api/v1/console/clients.
boost::json::object EncodeClientSummary(const domain::ClientSummary& summary);
// GET /api/v1/console/clients/{id}.
boost::json::object EncodeClientRecord(const domain::ClientRecord& record);

}  // namespace securebase::api
