#include "service/core/MemoryTrim.h"

#include <QTimer>
#include <malloc.h>

namespace pw::service {

void requestMemoryTrim()
{
    thread_local bool pending = false;
    if (pending)
        return;
    pending = true;
    QTimer::singleShot(1000, [] {
        pending = false;
        malloc_trim(0);
    });
}

} // namespace pw::service
