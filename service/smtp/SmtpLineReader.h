#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <optional>

namespace pw::service {

// Splits the command-mode byte stream into lines. A line ends at CRLF; a bare LF is accepted
// as an end of line too (many scripts send it in commands), a bare CR inside a line is kept
// for the parser to refuse. A line longer than the limit is not buffered: its bytes are dropped
// until its end, and next() reports it once as TooLong so that the session answers 500 5.5.6
// and carries on. Pure; the session feeds it what the socket read.
class SmtpLineReader
{
public:
    explicit SmtpLineReader(qsizetype maxLineLength = 4096)
        : m_max(maxLineLength)
    {}

    struct Line
    {
        enum class Kind
        {
            Complete,
            TooLong
        };
        Kind kind = Kind::Complete;
        QByteArray text; // without the line end
    };

    void feed(QByteArrayView bytes);
    // The next complete line, or nullopt when more input is needed.
    [[nodiscard]] std::optional<Line> next();
    // Bytes fed but not yet returned as lines (for DATA/BDAT/TLS hand-over: the session takes
    // them back, e.g. to refuse pipelined data after STARTTLS, RFC 3207 4.2).
    [[nodiscard]] QByteArray takeBuffered();
    [[nodiscard]] qsizetype bufferedSize() const;

private:
    qsizetype m_max;
    QByteArray m_buffer;
    qsizetype m_start = 0;     // bytes of m_buffer already returned as lines
    bool m_discarding = false; // inside an over-long line
};

} // namespace pw::service
