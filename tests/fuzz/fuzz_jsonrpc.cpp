// Control socket input: framing and JSON-RPC parsing must survive any bytes a local client sends.
#include "shared/control/JsonRpc.h"
#include "shared/control/LineFramer.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    pw::control::LineFramer framer(4096);
    QList<QByteArray> lines;
    // Feed in two uneven pieces so that a line split across reads is exercised too.
    const qsizetype half = bytes.size() / 3;
    if (framer.feed(bytes.left(half), lines) == pw::control::LineFramer::Status::Ok)
        (void)framer.feed(bytes.mid(half), lines);
    lines.append(bytes);
    for (const QByteArray& line : std::as_const(lines)) {
        const auto parsed = pw::control::parseMessage(line);
        if (const auto* message = std::get_if<pw::control::Message>(&parsed))
            (void)pw::control::encodeRequest(message->id, message->method, message->params);
    }
    return 0;
}
