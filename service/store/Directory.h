#pragma once

#include "service/store/StoreError.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <optional>

class QSqlDatabase;

namespace pw::service {

class Database;

// One mailbox (a user account; its login is its full address).
struct MailboxInfo
{
    qint64 id = 0;
    QString address;       // lower case, domain in A-label form
    QString passwordHash;  // argon2id PHC string
    qint64 quotaBytes = 0; // 0 = unlimited
    qint64 usedBytes = 0;
    int quotaNotice = 0; // highest quota notice already delivered: 0, 80 or 95
    bool disabled = false;
    QDateTime created;
};

struct DomainInfo
{
    qint64 id = 0;
    QString name;       // A-label form, lower case
    QString catchall;   // target address, empty = none
    QString postmaster; // mailbox for postmaster@ and abuse@, empty = the default rule
    QDateTime created;
};

struct AliasInfo
{
    qint64 id = 0;
    QString address; // may contain '*' in the local part
    QString target;
};

// Where mail for one RCPT TO goes.
struct RecipientRoute
{
    enum class Outcome
    {
        Local,          // deliver to `mailboxes`
        NotOurDomain,   // relaying: only for authenticated clients
        UnknownUser,    // 550 5.1.1
        MailboxDisabled // 550 5.2.1
    };
    Outcome outcome = Outcome::UnknownUser;
    QList<MailboxInfo> mailboxes; // distinct, in a stable order
    QString reason;               // how it was routed (alias, catch-all, ...) for the log
};

// Domains, mailboxes and aliases: the tables of migration 2, and the routing rules over them.
// Lives on the thread of the Database it is given (the service's main thread).
//
// Routing of local@domain, domain ours:
//   1. subaddress: "user+tag" is looked up as "user" when "user+tag" itself matches nothing
//      (separator configurable; empty = off);
//   2. an exact mailbox; disabled → MailboxDisabled unless the catch-all takes it;
//   3. exact aliases, then wildcard aliases ('*' matches any run of characters; the most
//      specific pattern, i.e. the longest one, wins), targets expanded recursively (depth 8,
//      loops cut) to mailboxes; a target outside our domains is refused at alias creation;
//   4. postmaster@ and abuse@ → the domain's postmaster, else the global postmaster
//      ([mail] postmaster, see setGlobalPostmaster()), else the domain's oldest enabled mailbox;
//   5. the domain's catch-all;
//   6. UnknownUser.
class Directory
{
public:
    explicit Directory(Database& database);

    [[nodiscard]] bool isLocalDomain(const QString& domain) const;
    [[nodiscard]] RecipientRoute route(const QString& address) const;
    [[nodiscard]] std::optional<MailboxInfo> mailbox(const QString& address) const;
    [[nodiscard]] std::optional<MailboxInfo> mailboxById(qint64 id) const;
    // Addresses the mailbox's owner may use in MAIL FROM and From: its own address, and every
    // alias (exact, not wildcard) whose targets are only this mailbox.
    [[nodiscard]] QStringList sendAddresses(qint64 mailboxId) const;
    // argon2id verification; slow on purpose, so callers run it off the event loop thread.
    [[nodiscard]] static bool verifyPassword(const QString& passwordHash, const QByteArray& password);

    void setSubaddressSeparator(const QString& separator) { m_subaddressSeparator = separator; }
    // The mailbox that takes postmaster@ and abuse@ of domains without a postmaster of their own.
    void setGlobalPostmaster(const QString& address);

    // Lower case, domain in A-label form; empty when `address` is not local@domain.
    [[nodiscard]] static QString normalizeAddress(const QString& address);
    // A-label, lower case, without a final dot; empty when it is not a valid domain name.
    [[nodiscard]] static QString normalizeDomain(const QString& domain);

    // Administration; every call is one transaction.
    [[nodiscard]] StoreResult addDomain(const QString& name);
    [[nodiscard]] StoreResult removeDomain(const QString& name);
    [[nodiscard]] QList<DomainInfo> domains() const;
    [[nodiscard]] std::optional<DomainInfo> domain(const QString& name) const;
    [[nodiscard]] StoreResult setCatchall(const QString& domain, const QString& target); // empty = clear
    [[nodiscard]] StoreResult setPostmaster(const QString& domain, const QString& mailbox);

    // Creates the mailbox and its folders INBOX, Sent, Drafts, Trash, Junk, Archive.
    [[nodiscard]] StoreResult addMailbox(const QString& address, const QByteArray& password,
                                         qint64 quotaBytes = 0);
    [[nodiscard]] StoreResult removeMailbox(const QString& address);
    [[nodiscard]] QList<MailboxInfo> mailboxes(const QString& domain = {}) const;
    [[nodiscard]] StoreResult setPassword(const QString& address, const QByteArray& password);
    [[nodiscard]] StoreResult setQuota(const QString& address, qint64 quotaBytes);
    [[nodiscard]] StoreResult setDisabled(const QString& address, bool disabled);

    [[nodiscard]] StoreResult addAlias(const QString& address, const QStringList& targets);
    [[nodiscard]] StoreResult removeAlias(const QString& address,
                                          const QStringList& targets = {}); // empty = all
    [[nodiscard]] QList<AliasInfo> aliases(const QString& domain = {}) const;

    [[nodiscard]] qint64 domainCount() const;
    [[nodiscard]] qint64 mailboxCount() const;
    [[nodiscard]] qint64 aliasCount() const; // distinct alias addresses

private:
    struct Expansion;
    void lookup(const QString& address, int depth, Expansion& out) const;
    [[nodiscard]] bool expandAliases(const QString& address, qint64 domainId, int depth,
                                     Expansion& out) const;
    void addMailbox(const MailboxInfo& mailbox, Expansion& out) const;
    [[nodiscard]] QList<MailboxInfo> queryMailboxes(const QString& where, const QVariantList& binds) const;
    [[nodiscard]] qint64 domainId(const QString& name) const;
    [[nodiscard]] qint64 count(const QString& sql) const;
    [[nodiscard]] StoreResult checkTarget(const QString& target, QString* normalized) const;

    Database& m_database;
    QString m_subaddressSeparator = QStringLiteral("+");
    QString m_globalPostmaster;
};

// The folders every mailbox gets, with their RFC 6154 special-use attribute (empty for INBOX).
struct StandardFolder
{
    const char* name;
    const char* specialUse;
};
[[nodiscard]] const QList<StandardFolder>& standardFolders();

} // namespace pw::service
