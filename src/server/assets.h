// The web assets (src/server/assets/*), compiled into the binary at build
// time by embed_assets.cmake, so the server works from any directory.
//
// Thread safety: immutable data; safe from any thread.
#pragma once

#include <string_view>

namespace kb::server {

// The content of assets/<name> ("widget.js"); empty when there is none.
std::string_view AssetContent(std::string_view name);

}  // namespace kb::server
