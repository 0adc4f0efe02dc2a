#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace pw::service {

// Assembles complete commands out of the bytes a client sends: lines ending in CRLF (a bare
// LF is accepted as a line end), with synchronizing literals {n} (the server must send a
// continuation request first) and non-synchronizing ones {n+} (LITERAL+) in between. Bounded:
// a line over maxLineLength, a literal over its limit or a command over maxCommandSize is
// refused without buffering it. Pure: bytes in, events out.
//
// A Command's text is exactly what ImapCommandParser::parse() takes: the first line, each
// literal's bytes in place after its "{n}\r\n", the lines after them, and the final line end.
// Every line end outside literals is CRLF (a bare LF is turned into CRLF); literal bytes are
// untouched. In raw-line mode the text is one line ending in CRLF ("DONE\r\n").
class ImapInputReader
{
public:
    struct Limits
    {
        int maxLineLength = 65536;                      // one line, literals not counted
        qint64 maxLiteral = 65536;                      // in any command but APPEND
        qint64 maxAppendLiteral = 26214400;             // APPEND's message: the max message size
        qint64 maxCommandSize = 26214400 + 1024 * 1024; // everything of one command
    };

    enum class Event
    {
        None,     // nothing complete yet: read more
        Command,  // `text` holds one complete command (or, in raw-line mode, one line)
        Continue, // a synchronizing literal was accepted: send "+ <text>" and read on
        Refused,  // the command is refused without reading its literal: "tag BAD/NO error";
                  // the reader resynchronized on the next line
        Fatal,    // cannot resynchronize (a non-synchronizing literal over its limit, a
                  // line far over the limit): send "* BYE error" and close
    };
    struct Input
    {
        Event event = Event::None;
        QByteArray text;     // Command: the command; Continue: the continuation text
        QByteArray tag;      // Refused/Fatal: the tag if one was read, else "*"
        QString error;       // Refused/Fatal
        bool tooBig = false; // Refused because of a literal's size: answer NO [TOOBIG] (RFC 4469)
    };

    explicit ImapInputReader(Limits limits);
    ImapInputReader()
        : ImapInputReader(Limits{})
    {}

    void feed(const QByteArray& bytes);
    // The next event; call until it returns None before feeding more.
    [[nodiscard]] Input next();

    // In raw-line mode (IDLE's DONE, AUTHENTICATE's responses) every line is a Command and
    // `{n}` means nothing.
    void setRawLines(bool raw);
    // Bytes fed but not yet returned, for backpressure.
    [[nodiscard]] qint64 buffered() const;

private:
    struct Announced
    {
        qint64 size = 0;
        bool nonSync = false;
    };
    [[nodiscard]] static bool announcedLiteral(QByteArrayView line, Announced& literal);
    [[nodiscard]] static QByteArray tagOf(QByteArrayView text);
    [[nodiscard]] static bool isAppend(QByteArrayView command);
    Input refuse(QByteArray tag, QString error, bool tooBig = false);
    Input fatal(QByteArray tag, QString error);
    Input dropLine(QByteArrayView tail, QString error);
    void compact();

    Limits m_limits;
    QByteArray m_buffer;
    qsizetype m_pos = 0;      // bytes of m_buffer already consumed
    qsizetype m_scanFrom = 0; // m_buffer holds no LF between m_pos and here
    QByteArray m_command;     // the command assembled so far
    qint64 m_literalLeft = 0;
    // An over-long line is dropped as it arrives; its tag and its last bytes are kept to
    // answer it and to see whether it announced a literal.
    bool m_skipping = false;
    qint64 m_skipped = 0;
    QByteArray m_skipTag;
    QByteArray m_skipTail;
    bool m_raw = false;
    bool m_dead = false; // after Fatal nothing more is read
};

} // namespace pw::service
