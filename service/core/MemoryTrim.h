#pragma once

namespace pw::service {

// Asks glibc to hand free heap pages back to the system soon (at most once a second, on the
// thread that asks, which must run an event loop). A large FETCH or SELECT leaves megabytes
// of freed buffers scattered in the heap, where they would count in the service's RSS until
// the next large answer reuses them.
void requestMemoryTrim();

} // namespace pw::service
