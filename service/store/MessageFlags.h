#pragma once

#include <QString>
#include <QStringList>

namespace pw::service {

// Flags as the store keeps them: one string per row, the flags separated by single spaces,
// system flags in their canonical spelling ("\Seen"), no flag twice (flags compare without
// regard to case, RFC 9051 2.3.2). Private to service/store.
class MessageFlags
{
public:
    enum class Mode
    {
        Replace,
        Add,
        Remove
    };

    // Canonical spelling, duplicates and what cannot be stored dropped: \Recent (the session's
    // business), unknown system flags, and anything empty or with a space or control character.
    [[nodiscard]] static QStringList normalize(const QStringList& flags);
    [[nodiscard]] static QStringList parse(const QString& stored);
    // Never a null QString: Qt binds that as NULL, and the column is NOT NULL.
    [[nodiscard]] static QString join(const QStringList& flags)
    {
        return flags.isEmpty() ? QStringLiteral("") : flags.join(QLatin1Char(' '));
    }
    // `current` with `flags` (normalized) set, added or removed; the order of `current` is kept.
    [[nodiscard]] static QStringList apply(const QStringList& current, Mode mode, const QStringList& flags);
    [[nodiscard]] static bool sameSet(const QStringList& a, const QStringList& b);
    [[nodiscard]] static bool contains(const QStringList& flags, const QString& flag)
    {
        return flags.contains(flag, Qt::CaseInsensitive);
    }
};

} // namespace pw::service
