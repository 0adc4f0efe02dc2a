#include "shared/control/LineFramer.h"

namespace pw::control {

LineFramer::Status LineFramer::feed(const QByteArray& bytes, QList<QByteArray>& lines)
{
    m_buffer.append(bytes);
    qsizetype start = 0;
    for (;;) {
        const qsizetype lf = m_buffer.indexOf('\n', start);
        if (lf < 0)
            break;
        if (lf - start > m_maxLineSize) {
            m_buffer.clear();
            return Status::Overflow;
        }
        qsizetype end = lf;
        if (end > start && m_buffer.at(end - 1) == '\r')
            --end;
        lines.append(m_buffer.mid(start, end - start));
        start = lf + 1;
    }
    m_buffer.remove(0, start);
    if (m_buffer.size() > m_maxLineSize) {
        m_buffer.clear();
        return Status::Overflow;
    }
    return Status::Ok;
}

} // namespace pw::control
