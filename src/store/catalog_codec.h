// The catalogue as stored inside the KB file (JSON), so that a KB file is
// self-contained: reading it needs no kb/intents directory.
#pragma once

#include <string>

#include "kb/catalog.h"
#include "kb/status.h"

namespace kb::store {

std::string EncodeCatalog(const Catalog& catalog);
StatusOr<Catalog> DecodeCatalog(const std::string& json);

}  // namespace kb::store
