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

QList<ImapSequenceSet::Interval> ImapSequenceSet::intervals(qint64 largest) const
{
    QList<Interval> all;
    if (savedResult)
        return all;
    all.reserve(ranges.size());
    for (const Range& range : ranges) {
        if ((range.first == star || range.last == star) && largest < 1)
            continue;
        const qint64 a = range.first == star ? largest : range.first;
        const qint64 b = range.last == star ? largest : range.last;
        all.append({std::min(a, b), std::max(a, b)});
    }
    std::sort(all.begin(), all.end(), [](const Interval& x, const Interval& y) { return x.low < y.low; });
    QList<Interval> merged;
    for (const Interval& interval : std::as_const(all)) {
        if (!merged.isEmpty() && interval.low <= merged.last().high + 1)
            merged.last().high = std::max(merged.last().high, interval.high);
        else
            merged.append(interval);
    }
    return merged;
}

} // namespace pw::service
