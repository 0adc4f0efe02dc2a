#include "service/smtp/SmtpDataReader.h"

#include <cstring>
#include <utility>

namespace pw::service {

namespace {

// Where the reader stands in the data stream. LineStart is 0: DATA's own CRLF has just ended
// a line, so an immediate "." CRLF is an empty message (RFC 5321 4.1.1.4).
enum Position : int
{
    LineStart = 0, // after CRLF
    Middle,        // inside a line, or after a bare line end (which never starts a line)
    Cr,            // a CR was read and not yet written: CRLF or a bare CR?
    Dot,           // a "." at line start was read and not yet written
    DotCr,         // "." CR at line start
    Done,
};

const char* find(const char* from, const char* to, char c)
{
    const void* hit = std::memchr(from, c, static_cast<size_t>(to - from));
    return hit ? static_cast<const char*>(hit) : to;
}

} // namespace

SmtpDataReader::SmtpDataReader(qsizetype maxSize)
    : m_max(maxSize)
{}

void SmtpDataReader::append(const char* data, qsizetype size)
{
    m_total += size;
    const qsizetype room = m_max - m_message.size();
    if (room > 0)
        m_message.append(data, std::min(room, size));
}

SmtpDataReader::State SmtpDataReader::feed(QByteArrayView bytes, qsizetype* consumed)
{
    const char* const begin = bytes.data();
    const char* const end = begin + bytes.size();
    const char* p = begin;
    // The next LF at or after p; kept across iterations so that a run of CRs without any LF
    // is not rescanned for every CR.
    const char* lf = nullptr;

    while (p < end && m_state != Done) {
        switch (m_state) {
        case Middle: {
            if (!lf || lf < p)
                lf = find(p, end, '\n');
            const char* stop = find(p, lf, '\r');
            append(p, stop - p);
            p = stop;
            if (p == end)
                break;
            ++p;
            if (*stop == '\n') {
                // RFC 5321 2.3.8: a bare LF is no line end; the message is refused at its end.
                m_bareLineEnd = true;
                append("\n", 1);
            } else {
                m_state = Cr;
            }
            break;
        }
        case Cr:
            if (*p == '\n') {
                append("\r\n", 2);
                ++p;
                m_state = LineStart;
            } else {
                m_bareLineEnd = true;
                append("\r", 1);
                m_state = Middle;
            }
            break;
        case LineStart:
            if (*p == '.') {
                ++p;
                m_state = Dot;
            } else {
                m_state = Middle;
            }
            break;
        case Dot:
            if (*p == '\r') {
                ++p;
                m_state = DotCr;
            } else {
                // RFC 5321 4.5.2: a leading period with more on the line is removed.
                m_state = Middle;
            }
            break;
        case DotCr:
            if (*p == '\n') {
                ++p;
                m_state = Done;
            } else {
                // "." CR followed by anything but LF: a bare CR, not the end.
                m_bareLineEnd = true;
                append("\r", 1);
                m_state = Middle;
            }
            break;
        default:
            break;
        }
    }
    if (consumed)
        *consumed = p - begin;
    return m_state == Done ? State::Complete : State::NeedMore;
}

QByteArray SmtpDataReader::takeMessage()
{
    return std::exchange(m_message, {});
}

} // namespace pw::service
