#include "service/smtp/SmtpLineReader.h"

#include <cstring>
#include <utility>

namespace pw::service {

void SmtpLineReader::feed(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return;
    if (m_discarding && bufferedSize() == 0) {
        // Still inside an over-long line: drop its bytes here, before they are ever buffered.
        const qsizetype lf = bytes.indexOf('\n');
        if (lf < 0)
            return;
        bytes = bytes.sliced(lf);
    }
    if (m_start > 0 && m_start == m_buffer.size()) {
        m_buffer.clear();
        m_start = 0;
    } else if (m_start > 4096 && m_start > m_buffer.size() / 2) {
        m_buffer.remove(0, m_start);
        m_start = 0;
    }
    m_buffer.append(bytes.data(), bytes.size());
}

std::optional<SmtpLineReader::Line> SmtpLineReader::next()
{
    const qsizetype available = bufferedSize();
    if (available == 0)
        return std::nullopt;
    const char* begin = m_buffer.constData() + m_start;
    const auto* lf = static_cast<const char*>(std::memchr(begin, '\n', static_cast<size_t>(available)));

    if (m_discarding) {
        if (!lf) {
            m_buffer.clear();
            m_start = 0;
            return std::nullopt;
        }
        m_start += lf - begin + 1;
        m_discarding = false;
        return Line{Line::Kind::TooLong, {}};
    }

    if (!lf) {
        // One byte of grace for the CR of a CRLF whose LF is still on its way.
        if (available > m_max + 1) {
            m_buffer.clear();
            m_start = 0;
            m_discarding = true;
        }
        return std::nullopt;
    }

    qsizetype length = lf - begin;
    m_start += length + 1;
    if (length > 0 && begin[length - 1] == '\r')
        --length;
    if (length > m_max)
        return Line{Line::Kind::TooLong, {}};
    return Line{Line::Kind::Complete, QByteArray(begin, length)};
}

QByteArray SmtpLineReader::takeBuffered()
{
    QByteArray rest = m_start == 0 ? std::exchange(m_buffer, {}) : m_buffer.mid(m_start);
    m_buffer.clear();
    m_start = 0;
    m_discarding = false;
    return rest;
}

qsizetype SmtpLineReader::bufferedSize() const
{
    return m_buffer.size() - m_start;
}

} // namespace pw::service
