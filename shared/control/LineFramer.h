#pragma once

#include <QByteArray>
#include <QList>

namespace pw::control {

// Splits a byte stream into lines without ever holding more than the limit: a peer that sends
// an endless line gets an overflow, not our memory.
class LineFramer
{
public:
    explicit LineFramer(qsizetype maxLineSize)
        : m_maxLineSize(maxLineSize)
    {}

    enum class Status
    {
        Ok,
        Overflow
    };

    // Appends bytes and moves every complete line (without its LF, and without a CR before it)
    // into `lines`.
    [[nodiscard]] Status feed(const QByteArray& bytes, QList<QByteArray>& lines);
    [[nodiscard]] qsizetype pending() const { return m_buffer.size(); }

private:
    qsizetype m_maxLineSize;
    QByteArray m_buffer;
};

} // namespace pw::control
