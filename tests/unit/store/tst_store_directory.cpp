// Directory: every routing rule and the administration calls, on a database of its own.

#include "service/store/Database.h"
#include "service/store/Directory.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using pw::service::Database;
using pw::service::Directory;
using pw::service::RecipientRoute;
using pw::service::StoreErrorCode;
using Outcome = pw::service::RecipientRoute::Outcome;

namespace {

QStringList addressesOf(const RecipientRoute& route)
{
    QStringList list;
    for (const auto& box : route.mailboxes)
        list.append(box.address);
    return list;
}

} // namespace

class TestDirectory : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void exactMailbox();
    void caseInsensitive();
    void idnDomain();
    void disabledMailbox();
    void disabledMailboxTakenByCatchall();
    void alias();
    void multiTargetAlias();
    void wildcardAlias();
    void wildcardMostSpecificWins();
    void nestedAlias();
    void aliasLoop();
    void subaddress();
    void subaddressSeparatorConfigurable();
    void postmasterAndAbuse();
    void catchall();
    void unknownUser();
    void notOurDomain();
    void sendAddresses();
    void folders();
    void passwordVerifies();
    void crudErrors();
    void removeMailboxTakesItsReferences();
    void removeDomainCascades();
    void quotaAndCounts();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Directory> m_directory;

    void mustAddMailbox(const QString& address)
    {
        const auto result = m_directory->addMailbox(address, "secret");
        QVERIFY2(result.ok(), qPrintable(result.message));
    }
    void mustAddAlias(const QString& address, const QStringList& targets)
    {
        const auto result = m_directory->addAlias(address, targets);
        QVERIFY2(result.ok(), qPrintable(result.message));
    }
};

void TestDirectory::init()
{
    static int n = 0;
    m_db = std::make_unique<Database>();
    const auto opened = m_db->open(m_dir.filePath(QStringLiteral("db%1.sqlite").arg(++n)));
    QVERIFY2(opened.ok(), qPrintable(opened.message));
    m_directory = std::make_unique<Directory>(*m_db);
    QVERIFY(m_directory->addDomain(QStringLiteral("example.com")).ok());
    QVERIFY(m_directory->addDomain(QStringLiteral("example.org")).ok());
}

void TestDirectory::cleanup()
{
    m_directory.reset();
    m_db.reset();
}

void TestDirectory::exactMailbox()
{
    mustAddMailbox(QStringLiteral("alice@example.com"));
    const RecipientRoute route = m_directory->route(QStringLiteral("alice@example.com"));
    QCOMPARE(route.outcome, Outcome::Local);
    QCOMPARE(addressesOf(route), QStringList{QStringLiteral("alice@example.com")});
    QVERIFY(m_directory->mailbox(QStringLiteral("alice@example.com")));
    QVERIFY(!m_directory->mailbox(QStringLiteral("bob@example.com")));
}

void TestDirectory::caseInsensitive()
{
    mustAddMailbox(QStringLiteral("Alice@Example.COM"));
    QCOMPARE(m_directory->mailboxes().first().address, QStringLiteral("alice@example.com"));
    const RecipientRoute route = m_directory->route(QStringLiteral("ALICE@EXAMPLE.com"));
    QCOMPARE(route.outcome, Outcome::Local);
    QCOMPARE(addressesOf(route), QStringList{QStringLiteral("alice@example.com")});
    QVERIFY(m_directory->isLocalDomain(QStringLiteral("EXAMPLE.COM.")));
}

void TestDirectory::idnDomain()
{
    QVERIFY(m_directory->addDomain(QStringLiteral("Bücher.example")).ok());
    QVERIFY(m_directory->domain(QStringLiteral("xn--bcher-kva.example")));
    QCOMPARE(m_directory->domain(QStringLiteral("bücher.example"))->name,
             QStringLiteral("xn--bcher-kva.example"));
    QCOMPARE(m_directory->addDomain(QStringLiteral("xn--bcher-kva.example")).code,
             StoreErrorCode::AlreadyExists);
    mustAddMailbox(QStringLiteral("leser@BÜCHER.example"));
    QCOMPARE(m_directory->mailboxes(QStringLiteral("bücher.example")).first().address,
             QStringLiteral("leser@xn--bcher-kva.example"));
    const RecipientRoute route = m_directory->route(QStringLiteral("leser@xn--bcher-kva.example"));
    QCOMPARE(route.outcome, Outcome::Local);
    QCOMPARE(m_directory->route(QStringLiteral("Leser@bücher.example")).outcome, Outcome::Local);
}

void TestDirectory::disabledMailbox()
{
    mustAddMailbox(QStringLiteral("alice@example.com"));
    QVERIFY(m_directory->setDisabled(QStringLiteral("alice@example.com"), true).ok());
    QVERIFY(m_directory->mailbox(QStringLiteral("alice@example.com"))->disabled);
    QCOMPARE(m_directory->route(QStringLiteral("alice@example.com")).outcome, Outcome::MailboxDisabled);
    // An alias whose only target is disabled bounces the same way.
    mustAddAlias(QStringLiteral("info@example.com"), {QStringLiteral("alice@example.com")});
    QCOMPARE(m_directory->route(QStringLiteral("info@example.com")).outcome, Outcome::MailboxDisabled);
    QVERIFY(m_directory->setDisabled(QStringLiteral("alice@example.com"), false).ok());
    QCOMPARE(m_directory->route(QStringLiteral("alice@example.com")).outcome, Outcome::Local);
}

void TestDirectory::disabledMailboxTakenByCatchall()
{
    mustAddMailbox(QStringLiteral("alice@example.com"));
    mustAddMailbox(QStringLiteral("bucket@example.com"));
    QVERIFY(
        m_directory->setCatchall(QStringLiteral("example.com"), QStringLiteral("bucket@example.com")).ok());
    QVERIFY(m_directory->setDisabled(QStringLiteral("alice@example.com"), true).ok());
    const RecipientRoute route = m_directory->route(QStringLiteral("alice@example.com"));
    QCOMPARE(route.outcome, Outcome::Local);
    QCOMPARE(addressesOf(route), QStringList{QStringLiteral("bucket@example.com")});
}

void TestDirectory::alias()
{
    mustAddMailbox(QStringLiteral("alice@example.com"));
    // Targets on another of our domains are fine.
    mustAddAlias(QStringLiteral("info@example.org"), {QStringLiteral("Alice@Example.com")});
    const RecipientRoute route = m_directory->route(QStringLiteral("INFO@example.org"));
    QCOMPARE(route.outcome, Outcome::Local);
    QCOMPARE(addressesOf(route), QStringList{QStringLiteral("alice@example.com")});
    QVERIFY(route.reason.contains(QLatin1String("alias")));
    QCOMPARE(m_directory->aliases(QStringLiteral("example.org")).size(), 1);
    QCOMPARE(m_directory->aliases(QStringLiteral("example.com")).size(), 0);
}

void TestDirectory::multiTargetAlias()
{
    mustAddMailbox(QStringLiteral("alice@example.com"));
    mustAddMailbox(QStringLiteral("bob@example.com"));
    mustAddAlias(QStringLiteral("team@example.com"),
                 {QStringLiteral("bob@example.com"), QStringLiteral("alice@example.com")});
    // Adding a further target to an existing alias.
    mustAddMailbox(QStringLiteral("carol@example.com"));
    mustAddAlias(QStringLiteral("team@example.com"), {QStringLiteral("carol@example.com")});
    const RecipientRoute route = m_directory->route(QStringLiteral("team@example.com"));
    QCOMPARE(route.outcome, Outcome::Local);
    QStringList got = addressesOf(route);
    got.sort();
    QCOMPARE(got, (QStringList{QStringLiteral("alice@example.com"), QStringLiteral("bob@example.com"),
                               QStringLiteral("carol@example.com")}));
    // Removing one target keeps the others.
    QVERIFY(m_directory->removeAlias(QStringLiteral("team@example.com"), {QStringLiteral("bob@example.com")})
                .ok());
    QCOMPARE(m_directory->route(QStringLiteral("team@example.com")).mailboxes.size(), 2);
    QVERIFY(m_directory->removeAlias(QStringLiteral("team@example.com")).ok());
    QCOMPARE(m_directory->route(QStringLiteral("team@example.com")).outcome, Outcome::UnknownUser);
}

void TestDirectory::wildcardAlias()
{
    mustAddMailbox(QStringLiteral("alice@example.com"));
    mustAddAlias(QStringLiteral("sales-*@example.com"), {QStringLiteral("alice@example.com")});
    QCOMPARE(m_directory->route(QStringLiteral("sales-east@example.com")).outcome, Outcome::Local);
    QCOMPARE(m_directory->route(QStringLiteral("sales-@example.com")).outcome, Outcome::Local);
    QCOMPARE(m_directory->route(QStringLiteral("presales-east@example.com")).outcome, Outcome::UnknownUser);
    QCOMPARE(m_directory->route(QStringLiteral("sales-east@example.org")).outcome, Outcome::UnknownUser);
    // A '.' in the pattern is a dot, not "any character".
    mustAddAlias(QStringLiteral("a.*@example.com"), {QStringLiteral("alice@example.com")});
    QCOMPARE(m_directory->route(QStringLiteral("a.b@example.com")).outcome, Outcome::Local);
    QCOMPARE(m_directory->route(QStringLiteral("axb@example.com")).outcome, Outcome::UnknownUser);
    // '*' only in the local part.
    QCOMPARE(
        m_directory->addAlias(QStringLiteral("x@*.example.com"), {QStringLiteral("alice@example.com")}).code,
        StoreErrorCode::Invalid);
}

void TestDirectory::wildcardMostSpecificWins()
{
    mustAddMailbox(QStringLiteral("alice@example.com"));
    mustAddMailbox(QStringLiteral("bob@example.com"));
    mustAddMailbox(QStringLiteral("carol@example.com"));
    mustAddAlias(QStringLiteral("*@example.com"), {QStringLiteral("alice@example.com")});
    mustAddAlias(QStringLiteral("sales-*@example.com"), {QStringLiteral("bob@example.com")});
    mustAddAlias(QStringLiteral("sales-eu-*@example.com"), {QStringLiteral("carol@example.com")});
    QCOMPARE(addressesOf(m_directory->route(QStringLiteral("sales-eu-de@example.com"))),
             QStringList{QStringLiteral("carol@example.com")});
    QCOMPARE(addressesOf(m_directory->route(QStringLiteral("sales-us@example.com"))),
             QStringList{QStringLiteral("bob@example.com")});
    QCOMPARE(addressesOf(m_directory->route(QStringLiteral("anything@example.com"))),
             QStringList{QStringLiteral("alice@example.com")});
    // An exact mailbox beats every wildcard.
    QCOMPARE(addressesOf(m_directory->route(QStringLiteral("bob@example.com"))),
             QStringList{QStringLiteral("bob@example.com")});
}

void TestDirectory::nestedAlias()
{
    mustAddMailbox(QStringLiteral("alice@example.com"));
    mustAddMailbox(QStringLiteral("bob@example.org"));
    mustAddAlias(QStringLiteral("devs@example.com"),
                 {QStringLiteral("alice@example.com"), QStringLiteral("bob@example.org")});
    mustAddAlias(QStringLiteral("all@example.com"),
                 {QStringLiteral("devs@example.com"), QStringLiteral("alice@example.com")});
    mustAddAlias(QStringLiteral("everyone@example.org"), {QStringLiteral("all@example.com")});
    const RecipientRoute route = m_directory->route(QStringLiteral("everyone@example.org"));
    QCOMPARE(route.outcome, Outcome::Local);
    QStringList got = addressesOf(route);
    got.sort();
    // Distinct: alice is reached twice but listed once.
    QCOMPARE(got, (QStringList{QStringLiteral("alice@example.com"), QStringLiteral("bob@example.org")}));

    // Eight levels of aliases are followed (l7 → … → l0 → alice), a ninth is cut.
    mustAddAlias(QStringLiteral("l0@example.com"), {QStringLiteral("alice@example.com")});
    for (int i = 1; i <= 10; ++i)
        mustAddAlias(QStringLiteral("l%1@example.com").arg(i),
                     {QStringLiteral("l%1@example.com").arg(i - 1)});
    QCOMPARE(m_directory->route(QStringLiteral("l7@example.com")).outcome, Outcome::Local);
    QCOMPARE(m_directory->route(QStringLiteral("l8@example.com")).outcome, Outcome::UnknownUser);
    QCOMPARE(m_directory->route(QStringLiteral("l10@example.com")).outcome, Outcome::UnknownUser);
}

void TestDirectory::aliasLoop()
{
    mustAddMailbox(QStringLiteral("alice@example.com"));
    mustAddAlias(QStringLiteral("a@example.com"), {QStringLiteral("b@example.com")});
    mustAddAlias(QStringLiteral("b@example.com"),
                 {QStringLiteral("a@example.com"), QStringLiteral("alice@example.com")});
    mustAddAlias(QStringLiteral("c@example.com"), {QStringLiteral("d@example.com")});
    mustAddAlias(QStringLiteral("d@example.com"), {QStringLiteral("c@example.com")});
    const RecipientRoute route = m_directory->route(QStringLiteral("a@example.com"));
    QCOMPARE(route.outcome, Outcome::Local);
    QCOMPARE(addressesOf(route), QStringList{QStringLiteral("alice@example.com")});
    // A loop that reaches no mailbox ends as unknown, and does end.
    QCOMPARE(m_directory->route(QStringLiteral("c@example.com")).outcome, Outcome::UnknownUser);
    QCOMPARE(m_directory->addAlias(QStringLiteral("e@example.com"), {QStringLiteral("e@example.com")}).code,
             StoreErrorCode::Invalid);
}

void TestDirectory::subaddress()
{
    mustAddMailbox(QStringLiteral("alice@example.com"));
    mustAddMailbox(QStringLiteral("bob@example.com"));
    RecipientRoute route = m_directory->route(QStringLiteral("alice+lists@example.com"));
    QCOMPARE(route.outcome, Outcome::Local);
    QCOMPARE(addressesOf(route), QStringList{QStringLiteral("alice@example.com")});
    QVERIFY(route.reason.contains(QLatin1String("subaddress")));
    // "user+tag" itself matching wins over "user".
    mustAddAlias(QStringLiteral("alice+bob@example.com"), {QStringLiteral("bob@example.com")});
    QCOMPARE(addressesOf(m_directory->route(QStringLiteral("alice+bob@example.com"))),
             QStringList{QStringLiteral("bob@example.com")});
    // Subaddress of an alias.
    mustAddAlias(QStringLiteral("news@example.com"), {QStringLiteral("bob@example.com")});
    QCOMPARE(addressesOf(m_directory->route(QStringLiteral("news+x@example.com"))),
             QStringList{QStringLiteral("bob@example.com")});
    QCOMPARE(m_directory->route(QStringLiteral("+x@example.com")).outcome, Outcome::UnknownUser);
    QCOMPARE(m_directory->route(QStringLiteral("nobody+x@example.com")).outcome, Outcome::UnknownUser);
}

void TestDirectory::subaddressSeparatorConfigurable()
{
    mustAddMailbox(QStringLiteral("alice@example.com"));
    m_directory->setSubaddressSeparator(QStringLiteral("-"));
    QCOMPARE(m_directory->route(QStringLiteral("alice-x@example.com")).outcome, Outcome::Local);
    QCOMPARE(m_directory->route(QStringLiteral("alice+x@example.com")).outcome, Outcome::UnknownUser);
    m_directory->setSubaddressSeparator({});
    QCOMPARE(m_directory->route(QStringLiteral("alice-x@example.com")).outcome, Outcome::UnknownUser);
}

void TestDirectory::postmasterAndAbuse()
{
    // No mailbox at all: nobody to route to.
    QCOMPARE(m_directory->route(QStringLiteral("postmaster@example.com")).outcome, Outcome::UnknownUser);

    mustAddMailbox(QStringLiteral("first@example.com"));
    QTest::qWait(5); // a later creation time
    mustAddMailbox(QStringLiteral("admin@example.com"));
    mustAddMailbox(QStringLiteral("root@example.org"));
    // Default: the domain's oldest enabled mailbox.
    QCOMPARE(addressesOf(m_directory->route(QStringLiteral("postmaster@example.com"))),
             QStringList{QStringLiteral("first@example.com")});
    QCOMPARE(addressesOf(m_directory->route(QStringLiteral("Abuse@example.com"))),
             QStringList{QStringLiteral("first@example.com")});
    QVERIFY(m_directory->setDisabled(QStringLiteral("first@example.com"), true).ok());
    QCOMPARE(addressesOf(m_directory->route(QStringLiteral("postmaster@example.com"))),
             QStringList{QStringLiteral("admin@example.com")});
    // The global postmaster comes before the default.
    m_directory->setGlobalPostmaster(QStringLiteral("root@example.org"));
    QCOMPARE(addressesOf(m_directory->route(QStringLiteral("postmaster@example.com"))),
             QStringList{QStringLiteral("root@example.org")});
    QCOMPARE(addressesOf(m_directory->route(QStringLiteral("postmaster"))),
             QStringList{QStringLiteral("root@example.org")});
    // The domain's own postmaster before that.
    QVERIFY(
        m_directory->setPostmaster(QStringLiteral("example.com"), QStringLiteral("admin@example.com")).ok());
    QCOMPARE(m_directory->domain(QStringLiteral("example.com"))->postmaster,
             QStringLiteral("admin@example.com"));
    QCOMPARE(addressesOf(m_directory->route(QStringLiteral("abuse@example.com"))),
             QStringList{QStringLiteral("admin@example.com")});
    QCOMPARE(addressesOf(m_directory->route(QStringLiteral("postmaster@example.org"))),
             QStringList{QStringLiteral("root@example.org")});
    QCOMPARE(
        m_directory->setPostmaster(QStringLiteral("example.com"), QStringLiteral("nobody@example.com")).code,
        StoreErrorCode::NotFound);
    // An explicit alias wins over the rule.
    mustAddAlias(QStringLiteral("abuse@example.com"), {QStringLiteral("root@example.org")});
    QCOMPARE(addressesOf(m_directory->route(QStringLiteral("abuse@example.com"))),
             QStringList{QStringLiteral("root@example.org")});
}

void TestDirectory::catchall()
{
    mustAddMailbox(QStringLiteral("alice@example.com"));
    mustAddMailbox(QStringLiteral("bucket@example.org"));
    QVERIFY(
        m_directory->setCatchall(QStringLiteral("example.com"), QStringLiteral("bucket@example.org")).ok());
    QCOMPARE(m_directory->domain(QStringLiteral("example.com"))->catchall,
             QStringLiteral("bucket@example.org"));
    RecipientRoute route = m_directory->route(QStringLiteral("whoever@example.com"));
    QCOMPARE(route.outcome, Outcome::Local);
    QCOMPARE(addressesOf(route), QStringList{QStringLiteral("bucket@example.org")});
    QVERIFY(route.reason.contains(QLatin1String("catch-all")));
    // Existing mailboxes are not affected.
    QCOMPARE(addressesOf(m_directory->route(QStringLiteral("alice@example.com"))),
             QStringList{QStringLiteral("alice@example.com")});
    // Only this domain.
    QCOMPARE(m_directory->route(QStringLiteral("whoever@example.org")).outcome, Outcome::UnknownUser);
    QCOMPARE(m_directory->setCatchall(QStringLiteral("example.com"), QStringLiteral("x@elsewhere.net")).code,
             StoreErrorCode::Invalid);
    QCOMPARE(m_directory->setCatchall(QStringLiteral("nope.net"), QStringLiteral("bucket@example.org")).code,
             StoreErrorCode::NotFound);
    QVERIFY(m_directory->setCatchall(QStringLiteral("example.com"), {}).ok());
    QCOMPARE(m_directory->route(QStringLiteral("whoever@example.com")).outcome, Outcome::UnknownUser);
}

void TestDirectory::unknownUser()
{
    mustAddMailbox(QStringLiteral("alice@example.com"));
    QCOMPARE(m_directory->route(QStringLiteral("bob@example.com")).outcome, Outcome::UnknownUser);
    QCOMPARE(m_directory->route(QStringLiteral("bob@example.com")).mailboxes.size(), 0);
    QCOMPARE(m_directory->route(QStringLiteral("not an address")).outcome, Outcome::UnknownUser);
    QCOMPARE(m_directory->route(QString()).outcome, Outcome::UnknownUser);
}

void TestDirectory::notOurDomain()
{
    QCOMPARE(m_directory->route(QStringLiteral("alice@example.net")).outcome, Outcome::NotOurDomain);
    QCOMPARE(m_directory->route(QStringLiteral("alice@sub.example.com")).outcome, Outcome::NotOurDomain);
    QVERIFY(!m_directory->isLocalDomain(QStringLiteral("example.net")));
    QVERIFY(m_directory->isLocalDomain(QStringLiteral("example.com")));
}

void TestDirectory::sendAddresses()
{
    mustAddMailbox(QStringLiteral("alice@example.com"));
    mustAddMailbox(QStringLiteral("bob@example.com"));
    mustAddAlias(QStringLiteral("a@example.org"), {QStringLiteral("alice@example.com")});
    mustAddAlias(QStringLiteral("chain@example.org"), {QStringLiteral("a@example.org")});
    mustAddAlias(QStringLiteral("team@example.com"),
                 {QStringLiteral("alice@example.com"), QStringLiteral("bob@example.com")});
    mustAddAlias(QStringLiteral("alice-*@example.com"), {QStringLiteral("alice@example.com")});
    const qint64 alice = m_directory->mailbox(QStringLiteral("alice@example.com"))->id;
    QStringList got = m_directory->sendAddresses(alice);
    QCOMPARE(got.first(), QStringLiteral("alice@example.com"));
    got.sort();
    QCOMPARE(got, (QStringList{QStringLiteral("a@example.org"), QStringLiteral("alice@example.com"),
                               QStringLiteral("chain@example.org")}));
    const qint64 bob = m_directory->mailbox(QStringLiteral("bob@example.com"))->id;
    QCOMPARE(m_directory->sendAddresses(bob), QStringList{QStringLiteral("bob@example.com")});
    QCOMPARE(m_directory->sendAddresses(9999), QStringList{});
}

void TestDirectory::folders()
{
    mustAddMailbox(QStringLiteral("alice@example.com"));
    QSqlQuery query(m_db->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT name, special_use FROM folders ORDER BY id")));
    QStringList names;
    while (query.next())
        names.append(query.value(0).toString() + QLatin1Char(' ') + query.value(1).toString());
    QCOMPARE(names, (QStringList{QStringLiteral("INBOX "), QStringLiteral("Sent \\Sent"),
                                 QStringLiteral("Drafts \\Drafts"), QStringLiteral("Trash \\Trash"),
                                 QStringLiteral("Junk \\Junk"), QStringLiteral("Archive \\Archive")}));
}

void TestDirectory::passwordVerifies()
{
    mustAddMailbox(QStringLiteral("alice@example.com"));
    auto box = m_directory->mailbox(QStringLiteral("alice@example.com"));
    QVERIFY(box->passwordHash.startsWith(QLatin1String("$argon2id$")));
    QVERIFY(Directory::verifyPassword(box->passwordHash, "secret"));
    QVERIFY(!Directory::verifyPassword(box->passwordHash, "Secret"));
    QVERIFY(m_directory->setPassword(QStringLiteral("alice@example.com"), "new one").ok());
    box = m_directory->mailbox(QStringLiteral("alice@example.com"));
    QVERIFY(Directory::verifyPassword(box->passwordHash, "new one"));
    QVERIFY(!Directory::verifyPassword(box->passwordHash, "secret"));
    QCOMPARE(m_directory->setPassword(QStringLiteral("alice@example.com"), {}).code, StoreErrorCode::Invalid);
    QCOMPARE(m_directory->setPassword(QStringLiteral("nobody@example.com"), "x").code,
             StoreErrorCode::NotFound);
}

void TestDirectory::crudErrors()
{
    QCOMPARE(m_directory->addDomain(QStringLiteral("Example.com")).code, StoreErrorCode::AlreadyExists);
    QCOMPARE(m_directory->addDomain(QStringLiteral("not a domain")).code, StoreErrorCode::Invalid);
    QCOMPARE(m_directory->addDomain(QStringLiteral("[192.0.2.1]")).code, StoreErrorCode::Invalid);
    QCOMPARE(m_directory->removeDomain(QStringLiteral("example.net")).code, StoreErrorCode::NotFound);

    mustAddMailbox(QStringLiteral("alice@example.com"));
    QCOMPARE(m_directory->addMailbox(QStringLiteral("ALICE@example.com"), "x").code,
             StoreErrorCode::AlreadyExists);
    QCOMPARE(m_directory->addMailbox(QStringLiteral("bob@example.net"), "x").code, StoreErrorCode::NotFound);
    QCOMPARE(m_directory->addMailbox(QStringLiteral("bob@example.com"), {}).code, StoreErrorCode::Invalid);
    QCOMPARE(m_directory->addMailbox(QStringLiteral("no-at-sign"), "x").code, StoreErrorCode::Invalid);
    QCOMPARE(m_directory->addMailbox(QStringLiteral("b*b@example.com"), "x").code, StoreErrorCode::Invalid);
    QCOMPARE(m_directory->removeMailbox(QStringLiteral("bob@example.com")).code, StoreErrorCode::NotFound);
    QCOMPARE(m_directory->setDisabled(QStringLiteral("bob@example.com"), true).code,
             StoreErrorCode::NotFound);
    QCOMPARE(m_directory->setQuota(QStringLiteral("bob@example.com"), 1).code, StoreErrorCode::NotFound);
    QCOMPARE(m_directory->setQuota(QStringLiteral("alice@example.com"), -1).code, StoreErrorCode::Invalid);

    QCOMPARE(
        m_directory->addAlias(QStringLiteral("x@example.net"), {QStringLiteral("alice@example.com")}).code,
        StoreErrorCode::NotFound);
    QCOMPARE(
        m_directory->addAlias(QStringLiteral("x@example.com"), {QStringLiteral("someone@gmail.com")}).code,
        StoreErrorCode::Invalid);
    QCOMPARE(m_directory->addAlias(QStringLiteral("x@example.com"), {}).code, StoreErrorCode::Invalid);
    QCOMPARE(
        m_directory->addAlias(QStringLiteral("alice@example.com"), {QStringLiteral("x@example.org")}).code,
        StoreErrorCode::AlreadyExists);
    mustAddAlias(QStringLiteral("x@example.com"), {QStringLiteral("alice@example.com")});
    QCOMPARE(
        m_directory->addAlias(QStringLiteral("X@example.com"), {QStringLiteral("alice@example.com")}).code,
        StoreErrorCode::AlreadyExists);
    QCOMPARE(m_directory->removeAlias(QStringLiteral("y@example.com")).code, StoreErrorCode::NotFound);
    QCOMPARE(
        m_directory->removeAlias(QStringLiteral("x@example.com"), {QStringLiteral("bob@example.com")}).code,
        StoreErrorCode::NotFound);
    // Nothing changed by the failures.
    QCOMPARE(m_directory->domains().size(), 2);
    QCOMPARE(m_directory->mailboxes().size(), 1);
    QCOMPARE(m_directory->aliases().size(), 1);

    QVERIFY(m_directory->removeMailbox(QStringLiteral("alice@example.com")).ok());
    QCOMPARE(m_directory->route(QStringLiteral("alice@example.com")).outcome, Outcome::UnknownUser);
}

void TestDirectory::removeMailboxTakesItsReferences()
{
    mustAddMailbox(QStringLiteral("alice@example.com"));
    mustAddMailbox(QStringLiteral("bob@example.com"));
    mustAddAlias(QStringLiteral("team@example.com"),
                 {QStringLiteral("alice@example.com"), QStringLiteral("bob@example.com")});
    QVERIFY(
        m_directory->setCatchall(QStringLiteral("example.com"), QStringLiteral("alice@example.com")).ok());
    QVERIFY(
        m_directory->setPostmaster(QStringLiteral("example.com"), QStringLiteral("alice@example.com")).ok());
    QVERIFY(m_directory->removeMailbox(QStringLiteral("alice@example.com")).ok());
    QCOMPARE(m_directory->aliases().size(), 1);
    QCOMPARE(m_directory->domain(QStringLiteral("example.com"))->catchall, QString());
    QCOMPARE(m_directory->domain(QStringLiteral("example.com"))->postmaster, QString());
    // A new mailbox of the same name starts clean.
    mustAddMailbox(QStringLiteral("alice@example.com"));
    QCOMPARE(addressesOf(m_directory->route(QStringLiteral("team@example.com"))),
             QStringList{QStringLiteral("bob@example.com")});
    QCOMPARE(m_directory->route(QStringLiteral("nobody@example.com")).outcome, Outcome::UnknownUser);
}

void TestDirectory::removeDomainCascades()
{
    mustAddMailbox(QStringLiteral("alice@example.com"));
    mustAddAlias(QStringLiteral("x@example.com"), {QStringLiteral("alice@example.com")});
    QVERIFY(m_directory->removeDomain(QStringLiteral("example.com")).ok());
    QCOMPARE(m_directory->mailboxes().size(), 0);
    QCOMPARE(m_directory->aliases().size(), 0);
    QSqlQuery query(m_db->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM folders")) && query.next());
    QCOMPARE(query.value(0).toInt(), 0);
    QCOMPARE(m_directory->route(QStringLiteral("alice@example.com")).outcome, Outcome::NotOurDomain);
}

void TestDirectory::quotaAndCounts()
{
    QVERIFY(m_directory->addMailbox(QStringLiteral("alice@example.com"), "x", 1000).ok());
    QCOMPARE(m_directory->mailbox(QStringLiteral("alice@example.com"))->quotaBytes, 1000);
    QVERIFY(m_directory->setQuota(QStringLiteral("alice@example.com"), 0).ok());
    QCOMPARE(m_directory->mailbox(QStringLiteral("alice@example.com"))->quotaBytes, 0);
    mustAddAlias(QStringLiteral("x@example.com"), {QStringLiteral("alice@example.com")});
    mustAddAlias(QStringLiteral("x@example.com"), {QStringLiteral("alice@example.org")});
    QCOMPARE(m_directory->domainCount(), 2);
    QCOMPARE(m_directory->mailboxCount(), 1);
    QCOMPARE(m_directory->aliasCount(), 1);
}

QTEST_GUILESS_MAIN(TestDirectory)
#include "tst_store_directory.moc"
