// Every byte an IMAP client sends is hostile input: the input reader and the command parser must
// answer any sequence without crashing, stay within their limits, and the reader must give the
// same events however the bytes are split. A synchronizing literal's continuation is answered
// implicitly (the client is assumed to send on); IDLE and AUTHENTICATE switch to raw lines.
#include "service/imap/ImapCommandParser.h"
#include "service/imap/ImapInputReader.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

using pw::service::ImapCommand;
using pw::service::ImapCommandParser;
using pw::service::ImapInputReader;
using pw::service::ImapParseResult;

constexpr ImapInputReader::Limits limits{256, 512, 2048, 4096};

void checkAt(bool ok, int line)
{
    if (!ok) {
        std::fprintf(stderr, "fuzz_imap: check failed at line %d\n", line);
        std::abort();
    }
}
#define check(ok) checkAt((ok), __LINE__)

void exercise(const ImapCommand& command)
{
    // contains() over small and huge numbers, with and without a largest number in use
    // contains() and intervals() agree, over small and huge numbers
    for (const qint64 largest : {qint64(0), qint64(1), qint64(7), qint64(4294967295)}) {
        const auto intervals = command.set.intervals(largest);
        for (qsizetype i = 1; i < intervals.size(); ++i)
            check(intervals[i].low > intervals[i - 1].high + 1);
        for (const qint64 n : {qint64(0), qint64(1), qint64(3), qint64(7), qint64(8), qint64(4294967295)}) {
            bool inside = false;
            for (const auto& interval : intervals)
                inside = inside || (n >= interval.low && n <= interval.high);
            check(inside == command.set.contains(n, largest));
        }
    }
    for (const auto& item : command.fetchItems) {
        check(item.section.part.size() <= 64);
        check(item.partialStart < 0 || item.partialLength > 0);
    }
    check(command.search.children.size() <= 10000);
}

ImapParseResult parseCommand(const QByteArray& text)
{
    const ImapParseResult result = ImapCommandParser::parse(text);
    check(!result.tag.isEmpty());
    if (result.command) {
        check(result.error.isEmpty());
        check(result.command->tag == result.tag);
        exercise(*result.command);
    } else {
        check(!result.error.isEmpty());
    }
    return result;
}

struct Session
{
    ImapInputReader reader{limits};
    QList<QByteArray> events;
    bool raw = false; // IDLE or AUTHENTICATE in progress: lines until "DONE" or "*"
    bool fatal = false;
    bool inPieces = false;
    qint64 fed = 0;

    void feed(const QByteArray& bytes)
    {
        reader.feed(bytes);
        fed += bytes.size();
        drain();
    }

    void drain()
    {
        for (int guard = 0; guard < 100000; ++guard) {
            const ImapInputReader::Input input = reader.next();
            if (input.event == ImapInputReader::Event::None)
                return;
            check(!fatal); // nothing after Fatal
            switch (input.event) {
            case ImapInputReader::Event::None:
                return;
            case ImapInputReader::Event::Command:
                check(input.text.endsWith("\r\n"));
                check(input.text.size() <= limits.maxCommandSize);
                events.append("C" + input.text);
                if (raw) {
                    check(input.text.size() <= limits.maxLineLength + 2);
                    if (input.text == "DONE\r\n" || input.text == "*\r\n") {
                        raw = false;
                        reader.setRawLines(false);
                    }
                } else {
                    const ImapParseResult result = parseCommand(input.text);
                    if (result.command && (result.command->name == ImapCommand::Name::Idle ||
                                           result.command->name == ImapCommand::Name::Authenticate)) {
                        raw = true;
                        reader.setRawLines(true);
                    }
                }
                break;
            case ImapInputReader::Event::Continue:
                check(!input.text.isEmpty());
                events.append("+");
                break;
            case ImapInputReader::Event::Refused:
            case ImapInputReader::Event::Fatal:
                check(!input.tag.isEmpty() && !input.error.isEmpty());
                check(!input.tooBig || input.event == ImapInputReader::Event::Refused);
                events.append((input.event == ImapInputReader::Event::Fatal ? "F" : "R") + input.tag +
                              (input.tooBig ? "!" : ""));
                fatal = input.event == ImapInputReader::Event::Fatal;
                break;
            }
            check(reader.buffered() <= 2 * fed); // a bare LF comes out as CRLF
            // fed in small pieces, the reader holds at most a command and a line
            check(!inPieces || reader.buffered() <= limits.maxCommandSize + limits.maxLineLength + 2 + 64);
        }
        std::abort(); // next() must reach None
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));

    // The parser alone, on anything.
    (void)parseCommand(bytes);

    if (bytes.isEmpty())
        return 0;
    // The first byte chooses the piece size; whole and pieces must give the same events.
    const QByteArray rest = bytes.mid(1);
    const qsizetype piece = 1 + static_cast<unsigned char>(bytes.front()) % 64;
    Session whole;
    whole.feed(rest);
    Session pieces;
    pieces.inPieces = true;
    for (qsizetype from = 0; from < rest.size(); from += piece)
        pieces.feed(rest.mid(from, piece));
    check(whole.events == pieces.events);
    return 0;
}
