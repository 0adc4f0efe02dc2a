// Every byte an SMTP client sends is hostile input: the line reader, the command parser, the
// DATA reader and the address parser must answer any sequence without crashing, and the DATA
// reader must give the same result however the input is split.
#include "service/smtp/SmtpCommandParser.h"
#include "service/smtp/SmtpDataReader.h"
#include "service/smtp/SmtpLineReader.h"
#include "shared/mail/MailAddress.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

using pw::service::SmtpDataReader;

struct DataOutcome
{
    SmtpDataReader::State state;
    qsizetype consumed;
    QByteArray message;
    bool bare;
    qint64 total;
};

// Feeds `bytes` in the given pieces; `consumed` is counted from the start of `bytes`.
DataOutcome readData(QByteArrayView bytes, qsizetype split, qsizetype max)
{
    SmtpDataReader reader(max);
    qsizetype consumed = 0;
    SmtpDataReader::State state = reader.feed(bytes.first(split), &consumed);
    if (state != SmtpDataReader::State::Complete) {
        if (consumed != split)
            std::abort();
        qsizetype more = 0;
        state = reader.feed(bytes.sliced(split), &more);
        consumed += more;
    }
    if (consumed > bytes.size())
        std::abort();
    if (reader.message().size() > max || reader.message().size() > reader.totalSize())
        std::abort();
    return {state, consumed, reader.message(), reader.hadBareLineEnd(), reader.totalSize()};
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));

    // Command mode: small line limit so that over-long lines are exercised too.
    pw::service::SmtpLineReader lines(64);
    const qsizetype half = bytes.size() / 2;
    lines.feed(bytes.first(half));
    for (int guard = 0; guard <= bytes.size(); ++guard) {
        const auto line = lines.next();
        if (!line)
            break;
        if (line->text.size() > 64)
            std::abort();
        const auto parsed = pw::service::SmtpCommandParser::parse(line->text);
        if (const auto* error = std::get_if<pw::service::SmtpCommandError>(&parsed))
            (void)error->reply.toWire();
    }
    lines.feed(bytes.sliced(half));
    for (int guard = 0; guard <= bytes.size(); ++guard) {
        const auto line = lines.next();
        if (!line)
            break;
        (void)pw::service::SmtpCommandParser::parse(line->text);
    }
    (void)lines.takeBuffered();
    (void)pw::service::SmtpCommandParser::parse(bytes);

    // DATA mode: split at a position taken from the first byte; whole and split must agree.
    if (!bytes.isEmpty()) {
        const QByteArrayView rest = bytes.sliced(1);
        const qsizetype split =
            rest.isEmpty() ? 0 : static_cast<unsigned char>(bytes.front()) % (rest.size() + 1);
        const qsizetype max = 32 + static_cast<unsigned char>(bytes.front());
        const DataOutcome whole = readData(rest, rest.size(), max);
        const DataOutcome pieces = readData(rest, split, max);
        if (whole.state != pieces.state || whole.consumed != pieces.consumed ||
            whole.message != pieces.message || whole.bare != pieces.bare || whole.total != pieces.total)
            std::abort();
    }

    pw::mail::MailAddress::ParseError error;
    if (const auto address = pw::mail::MailAddress::parse(bytes, &error, true)) {
        (void)address->toString();
        (void)address->canonical();
        (void)address->relayTrick();
        // What toString() writes must parse back to the same mailbox.
        const auto again = pw::mail::MailAddress::parse(address->toString().toUtf8(), nullptr, true);
        if (!again || again->localPart() != address->localPart() || again->domain() != address->domain())
            std::abort();
    }
    return 0;
}
