#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace pw::service {

// The DATA phase (RFC 5321 4.1.1.4, 4.5.2): removes dot-stuffing, keeps CRLF line ends, and
// ends at CRLF "." CRLF and nothing else. A bare CR or bare LF anywhere in the data (including
// the forms "\n.\n", "\r.\r\n", "\n.\r\n" that SMTP-smuggling attacks use as a fake end) does not
// end the data; it marks the message as bad, and the session refuses it with 550 5.6.0 once the
// real end arrives — so no bytes after a fake end can ever be taken as commands.
// Bytes beyond `maxSize` are counted but not kept (552 5.3.4 at the end). Pure.
class SmtpDataReader
{
public:
    explicit SmtpDataReader(qsizetype maxSize);

    enum class State
    {
        NeedMore,
        Complete
    };

    // Consumes input up to and including the end marker; returns Complete once it was seen.
    // `consumed` says how many bytes of `bytes` were used: the rest are the next commands.
    State feed(QByteArrayView bytes, qsizetype* consumed);

    [[nodiscard]] const QByteArray& message() const { return m_message; }
    [[nodiscard]] QByteArray takeMessage();
    [[nodiscard]] bool hadBareLineEnd() const { return m_bareLineEnd; }
    [[nodiscard]] bool tooLarge() const { return m_total > m_max; }
    [[nodiscard]] qint64 totalSize() const { return m_total; }

private:
    void append(const char* data, qsizetype size);

    qsizetype m_max;
    QByteArray m_message;
    qint64 m_total = 0;
    bool m_bareLineEnd = false;
    int m_state = 0; // position in the CRLF "." CRLF automaton, and "at line start"
};

} // namespace pw::service
