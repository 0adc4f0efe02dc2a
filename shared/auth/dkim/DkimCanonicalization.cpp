#include "shared/auth/dkim/DkimCanonicalization.h"

namespace pw::auth::DkimCanon {

namespace {

bool isWsp(char c)
{
    return c == ' ' || c == '\t';
}

// RFC 6376 3.4.2 and 3.4.4: every run of WSP becomes a single SP, WSP at the end goes; with
// trimStart, WSP at the start as well.
void appendCompressed(QByteArray& out, QByteArrayView text, bool trimStart)
{
    bool pendingSpace = false;
    bool any = !trimStart;
    for (const char c : text) {
        if (isWsp(c)) {
            pendingSpace = any;
            continue;
        }
        if (pendingSpace)
            out.append(' ');
        pendingSpace = false;
        any = true;
        out.append(c);
    }
}

} // namespace

std::optional<DkimCanonicalization> fromName(QByteArrayView name)
{
    // RFC 6376 3.5: c= values are case-sensitive tokens in lower case.
    if (name == "simple")
        return DkimCanonicalization::Simple;
    if (name == "relaxed")
        return DkimCanonicalization::Relaxed;
    return std::nullopt;
}

QByteArray name(DkimCanonicalization canonicalization)
{
    return canonicalization == DkimCanonicalization::Simple ? QByteArrayLiteral("simple")
                                                            : QByteArrayLiteral("relaxed");
}

QByteArray header(const mail::HeaderField& field, DkimCanonicalization canonicalization)
{
    // RFC 6376 3.4.1: "simple" does not change header fields in any way.
    if (canonicalization == DkimCanonicalization::Simple)
        return field.raw();

    // RFC 6376 3.4.2: lower-case name, unfold (drop every CR and LF), compress WSP, trim.
    QByteArray out = field.name().toLower();
    out.append(':');
    QByteArray unfolded = field.rawValue();
    unfolded.removeIf([](char c) { return c == '\r' || c == '\n'; });
    appendCompressed(out, unfolded, true);
    out.append("\r\n");
    return out;
}

QByteArray body(QByteArrayView body, DkimCanonicalization canonicalization)
{
    QByteArray out;
    out.reserve(body.size() + 2);
    qsizetype keep = 0; // output size up to the end of the last non-empty line
    qsizetype position = 0;
    while (position < body.size()) {
        const qsizetype lf = body.indexOf('\n', position);
        qsizetype end = lf < 0 ? body.size() : lf;
        const qsizetype next = lf < 0 ? body.size() : lf + 1;
        if (lf >= 0 && end > position && body[end - 1] == '\r')
            --end;
        const QByteArrayView line = body.sliced(position, end - position);
        position = next;

        const qsizetype before = out.size();
        if (canonicalization == DkimCanonicalization::Relaxed)
            appendCompressed(out, line, false);
        else
            out.append(line);
        const bool empty = out.size() == before;
        // RFC 6376 3.4.3 / 3.4.4: a body not ending in CRLF gets one.
        out.append("\r\n");
        if (!empty)
            keep = out.size();
    }
    // RFC 6376 3.4.3 / 3.4.4: empty lines at the end of the body are ignored.
    out.truncate(keep);
    // RFC 6376 3.4.3: an empty simple body is a single CRLF; a relaxed one stays empty.
    if (out.isEmpty() && canonicalization == DkimCanonicalization::Simple)
        out = QByteArrayLiteral("\r\n");
    return out;
}

} // namespace pw::auth::DkimCanon
