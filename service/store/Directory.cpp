#include "service/store/Directory.h"

#include "service/store/Database.h"
#include "service/store/StoreFailure.h"
#include "shared/crypto/PasswordHash.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <algorithm>

namespace pw::service {

namespace {

// RFC 5321 4.5.4.1 permits recursion, but a chain longer than this is a configuration mistake.
constexpr int kMaxAliasDepth = 8;

QString tr(const char* text)
{
    return QCoreApplication::translate("pw::service::Directory", text);
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QDateTime parseTime(const QVariant& value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

QString domainOf(const QString& address)
{
    return address.mid(address.lastIndexOf(QLatin1Char('@')) + 1);
}

QString localOf(const QString& address)
{
    return address.left(address.lastIndexOf(QLatin1Char('@')));
}

// '*' matches any run of characters (also none); everything else matches itself.
bool wildcardMatches(const QString& pattern, const QString& local)
{
    QStringList parts = pattern.split(QLatin1Char('*'));
    for (QString& part : parts)
        part = QRegularExpression::escape(part);
    return QRegularExpression(QRegularExpression::anchoredPattern(parts.join(QStringLiteral(".*"))))
        .match(local)
        .hasMatch();
}

// One transaction that rolls back unless committed.
class Transaction
{
public:
    explicit Transaction(QSqlDatabase& db)
        : m_db(db)
        , m_open(db.transaction())
    {}
    ~Transaction()
    {
        if (m_open)
            m_db.rollback();
    }
    [[nodiscard]] bool isOpen() const { return m_open; }
    [[nodiscard]] StoreResult commit()
    {
        m_open = false;
        if (!m_db.commit())
            return StoreResult::failure(StoreErrorCode::Io, m_db.lastError().text());
        return StoreResult::success();
    }

private:
    QSqlDatabase& m_db;
    bool m_open;
};

} // namespace

struct Directory::Expansion
{
    QList<MailboxInfo> mailboxes;
    QSet<qint64> ids;
    QSet<QString> visited;
    bool sawDisabled = false;
    QString reason;
};

Directory::Directory(Database& database)
    : m_database(database)
{}

void Directory::setGlobalPostmaster(const QString& address)
{
    m_globalPostmaster = normalizeAddress(address);
}

QString Directory::normalizeDomain(const QString& domain)
{
    QString name = domain.trimmed();
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    if (name.isEmpty() || name.contains(QLatin1Char('[')))
        return {};
    const QString ace = QString::fromLatin1(QUrl::toAce(name)).toLower();
    static const QRegularExpression label(QStringLiteral("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"));
    const QStringList labels = ace.split(QLatin1Char('.'));
    if (ace.isEmpty() || ace.size() > 253 || labels.size() < 2)
        return {};
    for (const QString& l : labels)
        if (!label.match(l).hasMatch())
            return {};
    return ace;
}

QString Directory::normalizeAddress(const QString& address)
{
    const QString trimmed = address.trimmed();
    const qsizetype at = trimmed.lastIndexOf(QLatin1Char('@'));
    if (at <= 0)
        return {};
    const QString local = trimmed.left(at).toLower();
    const QString domain = normalizeDomain(trimmed.mid(at + 1));
    if (domain.isEmpty() || local.size() > 64)
        return {};
    for (const QChar c : local)
        if (c.isSpace() || c == QLatin1Char('@') || c.category() == QChar::Other_Control)
            return {};
    return local + QLatin1Char('@') + domain;
}

qint64 Directory::domainId(const QString& name) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT id FROM domains WHERE name = ?"));
    query.addBindValue(name);
    if (query.exec() && query.next())
        return query.value(0).toLongLong();
    return 0;
}

bool Directory::isLocalDomain(const QString& domain) const
{
    const QString name = normalizeDomain(domain);
    return !name.isEmpty() && domainId(name) != 0;
}

QList<MailboxInfo> Directory::queryMailboxes(const QString& where, const QVariantList& binds) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT id, address, password_hash, quota_bytes, used_bytes, quota_notice, "
                                 "disabled, created FROM mailboxes ") +
                  where);
    for (const QVariant& bind : binds)
        query.addBindValue(bind);
    QList<MailboxInfo> list;
    if (!query.exec())
        return list;
    while (query.next())
        list.append(MailboxInfo{query.value(0).toLongLong(), query.value(1).toString(),
                                query.value(2).toString(), query.value(3).toLongLong(),
                                query.value(4).toLongLong(), query.value(5).toInt(), query.value(6).toBool(),
                                parseTime(query.value(7))});
    return list;
}

std::optional<MailboxInfo> Directory::mailbox(const QString& address) const
{
    const QString normalized = normalizeAddress(address);
    if (normalized.isEmpty())
        return std::nullopt;
    const QList<MailboxInfo> found = queryMailboxes(QStringLiteral("WHERE address = ?"), {normalized});
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

std::optional<MailboxInfo> Directory::mailboxById(qint64 id) const
{
    const QList<MailboxInfo> found = queryMailboxes(QStringLiteral("WHERE id = ?"), {id});
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

void Directory::addMailbox(const MailboxInfo& mailbox, Expansion& out) const
{
    if (mailbox.disabled) {
        out.sawDisabled = true;
        return;
    }
    if (!out.ids.contains(mailbox.id)) {
        out.ids.insert(mailbox.id);
        out.mailboxes.append(mailbox);
    }
}

// The targets of an exact alias, else of the most specific wildcard alias, expanded into `out`.
bool Directory::expandAliases(const QString& address, qint64 domain, int depth, Expansion& out) const
{
    QStringList targets;
    QString via = address;
    {
        QSqlQuery query(m_database.connection());
        query.prepare(QStringLiteral("SELECT target FROM aliases WHERE address = ? ORDER BY target"));
        query.addBindValue(address);
        if (query.exec())
            while (query.next())
                targets.append(query.value(0).toString());
    }
    if (targets.isEmpty()) {
        QSqlQuery query(m_database.connection());
        query.prepare(
            QStringLiteral("SELECT address, target FROM aliases WHERE domain_id = ? AND "
                           "instr(address, '*') > 0 ORDER BY length(address) DESC, address, target"));
        query.addBindValue(domain);
        const QString local = localOf(address);
        QString best;
        if (query.exec()) {
            while (query.next()) {
                const QString pattern = query.value(0).toString();
                if (!best.isEmpty() && pattern != best)
                    break;
                if (best.isEmpty() && !wildcardMatches(localOf(pattern), local))
                    continue;
                best = pattern;
                targets.append(query.value(1).toString());
            }
        }
        via = best;
    }
    if (targets.isEmpty())
        return false;
    if (out.reason.isEmpty())
        out.reason = QStringLiteral("alias %1").arg(via);
    for (const QString& target : targets)
        lookup(target, depth + 1, out);
    return true;
}

// Steps 1 to 4 of the routing rules for one address (no catch-all); sets out.reason on the first
// level. A loop or a chain too deep ends silently: the rest of the expansion still counts.
void Directory::lookup(const QString& address, int depth, Expansion& out) const
{
    const auto lookupExact = [&](const QString& candidate) -> bool {
        if (depth > kMaxAliasDepth || out.visited.contains(candidate))
            return true;
        out.visited.insert(candidate);
        const qint64 domain = domainId(domainOf(candidate));
        if (domain == 0)
            return false;
        if (const std::optional<MailboxInfo> box = mailbox(candidate)) {
            if (out.reason.isEmpty())
                out.reason = box->disabled ? QStringLiteral("disabled mailbox") : QStringLiteral("mailbox");
            addMailbox(*box, out);
            return true;
        }
        if (expandAliases(candidate, domain, depth, out))
            return true;
        const QString local = localOf(candidate);
        if (local == QLatin1String("postmaster") || local == QLatin1String("abuse")) {
            if (out.reason.isEmpty())
                out.reason = QStringLiteral("%1 of the domain").arg(local);
            const std::optional<DomainInfo> info = this->domain(domainOf(candidate));
            QString target = info ? info->postmaster : QString();
            if (target.isEmpty())
                target = m_globalPostmaster;
            if (!target.isEmpty() && target != candidate) {
                lookup(target, depth + 1, out);
            } else {
                const QList<MailboxInfo> oldest = queryMailboxes(
                    QStringLiteral("WHERE domain_id = ? AND disabled = 0 ORDER BY created, id LIMIT 1"),
                    {domain});
                for (const MailboxInfo& box : oldest)
                    addMailbox(box, out);
            }
            return true;
        }
        return false;
    };

    if (lookupExact(address))
        return;
    // RFC 5233: "user+tag" is "user" when nothing answers to "user+tag" itself.
    if (m_subaddressSeparator.isEmpty())
        return;
    const QString local = localOf(address);
    const qsizetype separator = local.indexOf(m_subaddressSeparator);
    if (separator <= 0)
        return;
    const QString base = local.left(separator) + QLatin1Char('@') + domainOf(address);
    if (lookupExact(base) && depth == 0 && !out.reason.isEmpty())
        out.reason = QStringLiteral("subaddress of %1, %2").arg(base, out.reason);
}

RecipientRoute Directory::route(const QString& address) const
{
    RecipientRoute route;
    QString normalized = normalizeAddress(address);
    // RFC 5321 4.5.1: the bare "Postmaster" must be accepted.
    if (normalized.isEmpty() &&
        address.trimmed().compare(QLatin1String("postmaster"), Qt::CaseInsensitive) == 0) {
        if (m_globalPostmaster.isEmpty()) {
            route.reason = QStringLiteral("no global postmaster");
            return route;
        }
        normalized = m_globalPostmaster;
    }
    if (normalized.isEmpty()) {
        route.reason = QStringLiteral("not an address");
        return route;
    }
    const std::optional<DomainInfo> info = domain(domainOf(normalized));
    if (!info) {
        route.outcome = RecipientRoute::Outcome::NotOurDomain;
        route.reason = QStringLiteral("not our domain");
        return route;
    }
    Expansion expansion;
    lookup(normalized, 0, expansion);
    if (!expansion.mailboxes.isEmpty()) {
        route.outcome = RecipientRoute::Outcome::Local;
        route.mailboxes = expansion.mailboxes;
        route.reason = expansion.reason;
        return route;
    }
    if (!info->catchall.isEmpty()) {
        Expansion catchall;
        lookup(info->catchall, 0, catchall);
        if (!catchall.mailboxes.isEmpty()) {
            route.outcome = RecipientRoute::Outcome::Local;
            route.mailboxes = catchall.mailboxes;
            route.reason = QStringLiteral("catch-all %1").arg(info->catchall);
            return route;
        }
    }
    route.outcome = expansion.sawDisabled ? RecipientRoute::Outcome::MailboxDisabled
                                          : RecipientRoute::Outcome::UnknownUser;
    route.reason = expansion.reason.isEmpty() ? QStringLiteral("unknown") : expansion.reason;
    return route;
}

QStringList Directory::sendAddresses(qint64 mailboxId) const
{
    const std::optional<MailboxInfo> box = mailboxById(mailboxId);
    if (!box)
        return {};
    QStringList addresses{box->address};
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral(
            "SELECT DISTINCT address FROM aliases WHERE instr(address, '*') = 0 ORDER BY address")))
        return addresses;
    while (query.next()) {
        const QString alias = query.value(0).toString();
        Expansion expansion;
        lookup(alias, 0, expansion);
        if (expansion.mailboxes.size() == 1 && expansion.mailboxes.first().id == mailboxId &&
            !expansion.sawDisabled && !addresses.contains(alias))
            addresses.append(alias);
    }
    return addresses;
}

bool Directory::verifyPassword(const QString& passwordHash, const QByteArray& password)
{
    return crypto::PasswordHash::verify(password, passwordHash.toUtf8());
}

StoreResult Directory::addDomain(const QString& name)
{
    const QString normalized = normalizeDomain(name);
    if (normalized.isEmpty())
        return StoreResult::failure(StoreErrorCode::Invalid, tr("\"%1\" is not a domain name").arg(name));
    if (domainId(normalized) != 0)
        return StoreResult::failure(StoreErrorCode::AlreadyExists,
                                    tr("domain %1 already exists").arg(normalized));
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT INTO domains (name, created) VALUES (?, ?)"));
    query.addBindValue(normalized);
    query.addBindValue(now());
    if (!query.exec())
        return StoreFailure::sql(query);
    return StoreResult::success();
}

StoreResult Directory::removeDomain(const QString& name)
{
    const QString normalized = normalizeDomain(name);
    const qint64 id = normalized.isEmpty() ? 0 : domainId(normalized);
    if (id == 0)
        return StoreResult::failure(StoreErrorCode::NotFound, tr("no domain %1").arg(name));
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("DELETE FROM domains WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return StoreFailure::sql(query);
    return StoreResult::success();
}

QList<DomainInfo> Directory::domains() const
{
    QList<DomainInfo> list;
    QSqlQuery query(m_database.connection());
    if (!query.exec(
            QStringLiteral("SELECT id, name, catchall, postmaster, created FROM domains ORDER BY name")))
        return list;
    while (query.next())
        list.append(DomainInfo{query.value(0).toLongLong(), query.value(1).toString(),
                               query.value(2).toString(), query.value(3).toString(),
                               parseTime(query.value(4))});
    return list;
}

std::optional<DomainInfo> Directory::domain(const QString& name) const
{
    const QString normalized = normalizeDomain(name);
    if (normalized.isEmpty())
        return std::nullopt;
    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("SELECT id, name, catchall, postmaster, created FROM domains WHERE name = ?"));
    query.addBindValue(normalized);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return DomainInfo{query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                      query.value(3).toString(), parseTime(query.value(4))};
}

StoreResult Directory::checkTarget(const QString& target, QString* normalized) const
{
    *normalized = normalizeAddress(target);
    if (normalized->isEmpty() || normalized->contains(QLatin1Char('*')))
        return StoreResult::failure(StoreErrorCode::Invalid, tr("\"%1\" is not an address").arg(target));
    if (domainId(domainOf(*normalized)) == 0)
        return StoreResult::failure(StoreErrorCode::Invalid,
                                    tr("%1 is outside our domains").arg(*normalized));
    return StoreResult::success();
}

StoreResult Directory::setCatchall(const QString& domain, const QString& target)
{
    const std::optional<DomainInfo> info = this->domain(domain);
    if (!info)
        return StoreResult::failure(StoreErrorCode::NotFound, tr("no domain %1").arg(domain));
    QString normalized;
    if (!target.isEmpty())
        if (StoreResult checked = checkTarget(target, &normalized); !checked.ok())
            return checked;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE domains SET catchall = ? WHERE id = ?"));
    query.addBindValue(normalized.isEmpty() ? QVariant() : QVariant(normalized));
    query.addBindValue(info->id);
    if (!query.exec())
        return StoreFailure::sql(query);
    return StoreResult::success();
}

StoreResult Directory::setPostmaster(const QString& domain, const QString& mailbox)
{
    const std::optional<DomainInfo> info = this->domain(domain);
    if (!info)
        return StoreResult::failure(StoreErrorCode::NotFound, tr("no domain %1").arg(domain));
    QString normalized;
    if (!mailbox.isEmpty()) {
        const std::optional<MailboxInfo> box = this->mailbox(mailbox);
        if (!box)
            return StoreResult::failure(StoreErrorCode::NotFound, tr("no mailbox %1").arg(mailbox));
        normalized = box->address;
    }
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE domains SET postmaster = ? WHERE id = ?"));
    query.addBindValue(normalized.isEmpty() ? QVariant() : QVariant(normalized));
    query.addBindValue(info->id);
    if (!query.exec())
        return StoreFailure::sql(query);
    return StoreResult::success();
}

StoreResult Directory::addMailbox(const QString& address, const QByteArray& password, qint64 quotaBytes)
{
    const QString normalized = normalizeAddress(address);
    if (normalized.isEmpty() || normalized.contains(QLatin1Char('*')))
        return StoreResult::failure(StoreErrorCode::Invalid, tr("\"%1\" is not an address").arg(address));
    if (password.isEmpty())
        return StoreResult::failure(StoreErrorCode::Invalid, tr("the password is empty"));
    if (quotaBytes < 0)
        return StoreResult::failure(StoreErrorCode::Invalid, tr("the quota cannot be negative"));
    const qint64 domain = domainId(domainOf(normalized));
    if (domain == 0)
        return StoreResult::failure(StoreErrorCode::NotFound, tr("no domain %1").arg(domainOf(normalized)));
    if (mailbox(normalized))
        return StoreResult::failure(StoreErrorCode::AlreadyExists,
                                    tr("mailbox %1 already exists").arg(normalized));
    const crypto::Result<QByteArray> hash = crypto::PasswordHash::hash(password);
    if (!hash)
        return StoreResult::failure(StoreErrorCode::Io, hash.error().message);

    QSqlDatabase& db = m_database.connection();
    Transaction transaction(db);
    if (!transaction.isOpen())
        return StoreResult::failure(StoreErrorCode::Io, db.lastError().text());
    QSqlQuery insert(db);
    insert.prepare(
        QStringLiteral("INSERT INTO mailboxes (address, domain_id, password_hash, quota_bytes, created) "
                       "VALUES (?, ?, ?, ?, ?)"));
    insert.addBindValue(normalized);
    insert.addBindValue(domain);
    insert.addBindValue(QString::fromLatin1(hash.value()));
    insert.addBindValue(quotaBytes);
    insert.addBindValue(now());
    if (!insert.exec())
        return StoreFailure::sql(insert);
    const qint64 mailboxId = insert.lastInsertId().toLongLong();
    // RFC 3501 2.3.1.1: a UIDVALIDITY that grows with time never repeats for a re-created name.
    const qint64 uidValidity = QDateTime::currentSecsSinceEpoch() & 0xffffffff;
    for (const StandardFolder& folder : standardFolders()) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral(
            "INSERT INTO folders (mailbox_id, name, special_use, uidvalidity) VALUES (?, ?, ?, ?)"));
        query.addBindValue(mailboxId);
        query.addBindValue(QString::fromLatin1(folder.name));
        query.addBindValue(*folder.specialUse ? QVariant(QString::fromLatin1(folder.specialUse))
                                              : QVariant());
        query.addBindValue(uidValidity);
        if (!query.exec())
            return StoreFailure::sql(query);
    }
    return transaction.commit();
}

StoreResult Directory::removeMailbox(const QString& address)
{
    const std::optional<MailboxInfo> box = mailbox(address);
    if (!box)
        return StoreResult::failure(StoreErrorCode::NotFound, tr("no mailbox %1").arg(address));
    QSqlDatabase& db = m_database.connection();
    Transaction transaction(db);
    if (!transaction.isOpen())
        return StoreResult::failure(StoreErrorCode::Io, db.lastError().text());
    // Whatever pointed at the mailbox goes with it, so that a new mailbox of the same name later
    // does not silently inherit the old one's aliases, catch-all or postmaster role.
    const QList<std::pair<QString, QVariantList>> statements{
        {QStringLiteral("DELETE FROM mailboxes WHERE id = ?"), {box->id}},
        {QStringLiteral("DELETE FROM aliases WHERE target = ?"), {box->address}},
        {QStringLiteral("UPDATE domains SET catchall = NULL WHERE catchall = ?"), {box->address}},
        {QStringLiteral("UPDATE domains SET postmaster = NULL WHERE postmaster = ?"), {box->address}},
    };
    for (const auto& [sql, binds] : statements) {
        QSqlQuery query(db);
        query.prepare(sql);
        for (const QVariant& bind : binds)
            query.addBindValue(bind);
        if (!query.exec())
            return StoreFailure::sql(query);
    }
    return transaction.commit();
}

QList<MailboxInfo> Directory::mailboxes(const QString& domain) const
{
    if (domain.isEmpty())
        return queryMailboxes(QStringLiteral("ORDER BY address"), {});
    return queryMailboxes(QStringLiteral("WHERE domain_id = ? ORDER BY address"),
                          {domainId(normalizeDomain(domain))});
}

StoreResult Directory::setPassword(const QString& address, const QByteArray& password)
{
    const std::optional<MailboxInfo> box = mailbox(address);
    if (!box)
        return StoreResult::failure(StoreErrorCode::NotFound, tr("no mailbox %1").arg(address));
    if (password.isEmpty())
        return StoreResult::failure(StoreErrorCode::Invalid, tr("the password is empty"));
    const crypto::Result<QByteArray> hash = crypto::PasswordHash::hash(password);
    if (!hash)
        return StoreResult::failure(StoreErrorCode::Io, hash.error().message);
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE mailboxes SET password_hash = ? WHERE id = ?"));
    query.addBindValue(QString::fromLatin1(hash.value()));
    query.addBindValue(box->id);
    if (!query.exec())
        return StoreFailure::sql(query);
    return StoreResult::success();
}

StoreResult Directory::setQuota(const QString& address, qint64 quotaBytes)
{
    const std::optional<MailboxInfo> box = mailbox(address);
    if (!box)
        return StoreResult::failure(StoreErrorCode::NotFound, tr("no mailbox %1").arg(address));
    if (quotaBytes < 0)
        return StoreResult::failure(StoreErrorCode::Invalid, tr("the quota cannot be negative"));
    QSqlQuery query(m_database.connection());
    // A new limit starts the 80 % and 95 % notices afresh.
    query.prepare(QStringLiteral("UPDATE mailboxes SET quota_bytes = ?, quota_notice = 0 WHERE id = ?"));
    query.addBindValue(quotaBytes);
    query.addBindValue(box->id);
    if (!query.exec())
        return StoreFailure::sql(query);
    return StoreResult::success();
}

StoreResult Directory::setDisabled(const QString& address, bool disabled)
{
    const std::optional<MailboxInfo> box = mailbox(address);
    if (!box)
        return StoreResult::failure(StoreErrorCode::NotFound, tr("no mailbox %1").arg(address));
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE mailboxes SET disabled = ? WHERE id = ?"));
    query.addBindValue(disabled ? 1 : 0);
    query.addBindValue(box->id);
    if (!query.exec())
        return StoreFailure::sql(query);
    return StoreResult::success();
}

StoreResult Directory::addAlias(const QString& address, const QStringList& targets)
{
    const QString normalized = normalizeAddress(address);
    if (normalized.isEmpty())
        return StoreResult::failure(StoreErrorCode::Invalid, tr("\"%1\" is not an address").arg(address));
    const qint64 domain = domainId(domainOf(normalized));
    if (domain == 0)
        return StoreResult::failure(StoreErrorCode::NotFound, tr("no domain %1").arg(domainOf(normalized)));
    if (targets.isEmpty())
        return StoreResult::failure(StoreErrorCode::Invalid, tr("an alias needs at least one target"));
    if (mailbox(normalized))
        return StoreResult::failure(StoreErrorCode::AlreadyExists,
                                    tr("%1 is a mailbox, it cannot also be an alias").arg(normalized));
    QStringList normalizedTargets;
    for (const QString& target : targets) {
        QString t;
        if (StoreResult checked = checkTarget(target, &t); !checked.ok())
            return checked;
        if (t == normalized)
            return StoreResult::failure(StoreErrorCode::Invalid, tr("%1 cannot point to itself").arg(t));
        if (!normalizedTargets.contains(t))
            normalizedTargets.append(t);
    }
    QSqlDatabase& db = m_database.connection();
    Transaction transaction(db);
    if (!transaction.isOpen())
        return StoreResult::failure(StoreErrorCode::Io, db.lastError().text());
    int added = 0;
    for (const QString& target : normalizedTargets) {
        QSqlQuery query(db);
        query.prepare(
            QStringLiteral("INSERT OR IGNORE INTO aliases (address, domain_id, target) VALUES (?, ?, ?)"));
        query.addBindValue(normalized);
        query.addBindValue(domain);
        query.addBindValue(target);
        if (!query.exec())
            return StoreFailure::sql(query);
        added += query.numRowsAffected();
    }
    if (added == 0)
        return StoreResult::failure(StoreErrorCode::AlreadyExists,
                                    tr("alias %1 already has these targets").arg(normalized));
    return transaction.commit();
}

StoreResult Directory::removeAlias(const QString& address, const QStringList& targets)
{
    const QString normalized = normalizeAddress(address);
    if (normalized.isEmpty())
        return StoreResult::failure(StoreErrorCode::Invalid, tr("\"%1\" is not an address").arg(address));
    QSqlDatabase& db = m_database.connection();
    Transaction transaction(db);
    if (!transaction.isOpen())
        return StoreResult::failure(StoreErrorCode::Io, db.lastError().text());
    int removed = 0;
    const QStringList which = targets.isEmpty() ? QStringList{QString()} : targets;
    for (const QString& target : which) {
        QSqlQuery query(db);
        if (target.isEmpty()) {
            query.prepare(QStringLiteral("DELETE FROM aliases WHERE address = ?"));
            query.addBindValue(normalized);
        } else {
            query.prepare(QStringLiteral("DELETE FROM aliases WHERE address = ? AND target = ?"));
            query.addBindValue(normalized);
            query.addBindValue(normalizeAddress(target));
        }
        if (!query.exec())
            return StoreFailure::sql(query);
        removed += query.numRowsAffected();
    }
    if (removed == 0)
        return StoreResult::failure(StoreErrorCode::NotFound,
                                    targets.isEmpty()
                                        ? tr("no alias %1").arg(normalized)
                                        : tr("alias %1 has none of these targets").arg(normalized));
    return transaction.commit();
}

QList<AliasInfo> Directory::aliases(const QString& domain) const
{
    QList<AliasInfo> list;
    QSqlQuery query(m_database.connection());
    if (domain.isEmpty()) {
        query.prepare(QStringLiteral("SELECT id, address, target FROM aliases ORDER BY address, target"));
    } else {
        query.prepare(QStringLiteral(
            "SELECT id, address, target FROM aliases WHERE domain_id = ? ORDER BY address, target"));
        query.addBindValue(domainId(normalizeDomain(domain)));
    }
    if (!query.exec())
        return list;
    while (query.next())
        list.append(
            AliasInfo{query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString()});
    return list;
}

qint64 Directory::count(const QString& sql) const
{
    QSqlQuery query(m_database.connection());
    if (query.exec(sql) && query.next())
        return query.value(0).toLongLong();
    return -1;
}

qint64 Directory::domainCount() const
{
    return count(QStringLiteral("SELECT count(*) FROM domains"));
}

qint64 Directory::mailboxCount() const
{
    return count(QStringLiteral("SELECT count(*) FROM mailboxes"));
}

qint64 Directory::aliasCount() const
{
    return count(QStringLiteral("SELECT count(DISTINCT address) FROM aliases"));
}

const QList<StandardFolder>& standardFolders()
{
    // RFC 6154 2
    static const QList<StandardFolder> folders{
        {"INBOX", ""},        {"Sent", "\\Sent"}, {"Drafts", "\\Drafts"},
        {"Trash", "\\Trash"}, {"Junk", "\\Junk"}, {"Archive", "\\Archive"},
    };
    return folders;
}

} // namespace pw::service
