#include "service/imap/ImapCommand.h"

#include <algorithm>

namespace pw::service {

bool ImapSequenceSet::contains(qint64 n, qint64 largest) const
{
    if (savedResult || n < 1)
        return false;
    for (const Range& range : ranges) {
        // `*` stands for the largest number in use; on an empty mailbox a range that names it
        // matches nothing, so that `UID FETCH 5:*` on an empty folder answers nothing.
        if ((range.first == star || range.last == star) && largest < 1)
            continue;
        const qint64 a = range.first == star ? largest : range.first;
        const qint64 b = range.last == star ? largest : range.last;
        if (n >= std::min(a, b) && n <= std::max(a, b))
            return true;
    }
    return false;
}

} // namespace pw::service
