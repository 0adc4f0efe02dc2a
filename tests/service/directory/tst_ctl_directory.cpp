// Integration test: the directory and DKIM administration of a real postwardend, driven by the
// real postwardenctl, checked through its output, its exit codes, the key files and the database.

#include "shared/crypto/KeyPair.h"
#include "shared/crypto/PasswordHash.h"
#include "tests/support/TestService.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <sys/stat.h>

using pw::test::ProgramResult;
using pw::test::TestService;

namespace {

// Deliberately odd, so that finding it anywhere cannot be a coincidence.
const QByteArray kPassword = "Zq7-correct-horse-\xc3\xa4-91xk";
const QByteArray kNewPassword = "Vw3-battery-staple-55pp";

int fileMode(const QString& path)
{
    struct stat st = {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return static_cast<int>(st.st_mode & 07777);
}

QJsonObject parseObject(const QString& text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

// A TXT value in presentation form ("abc" "def") as the one string it stands for.
QString joinTxt(QString value)
{
    return value.replace(QStringLiteral("\" \""), QString()).remove(QLatin1Char('"'));
}

} // namespace

class TestCtlDirectory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void usageErrors();
    void domains();
    void dkimKeyFiles();
    void mailboxes();
    void mailboxPasswordNeverFromArgv();
    void passwordChange();
    void aliases();
    void catchallAndPostmaster();
    void dkimRotation();
    void records();
    void status();
    void removeDomain();
    void eventsRecordedWithoutPasswords();

private:
    ProgramResult ctl(const QStringList& args) { return m_service.runCtl(args); }
    ProgramResult json(const QStringList& args)
    {
        return m_service.runCtl(QStringList{QStringLiteral("--json")} + args);
    }
    // postwardenctl with `input` on its standard input.
    ProgramResult ctlWithInput(const QStringList& args, const QByteArray& input);
    QString mailboxHash(const QString& address);
    QJsonArray dkimKeys(const QString& domain);

    TestService m_service;
};

void TestCtlDirectory::initTestCase()
{
    QVERIFY2(m_service.start(QStringLiteral("[service]\nhostname = mail.example.com\n"
                                            "public_addresses = 192.0.2.10, 2001:db8::10\n")),
             qPrintable(m_service.errorString() + m_service.output()));
}

void TestCtlDirectory::cleanupTestCase()
{
    QVERIFY2(m_service.stop(), qPrintable(m_service.output()));
}

ProgramResult TestCtlDirectory::ctlWithInput(const QStringList& args, const QByteArray& input)
{
    ProgramResult result;
    QProcess process;
    process.start(TestService::program(QStringLiteral("postwardenctl")),
                  QStringList{QStringLiteral("--socket"), m_service.socketPath()} + args);
    if (!process.waitForStarted(TestService::kDefaultTimeoutMs))
        return result;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(TestService::kDefaultTimeoutMs)) {
        result.timedOut = true;
        process.kill();
        process.waitForFinished(TestService::kDefaultTimeoutMs);
    } else if (process.exitStatus() == QProcess::NormalExit) {
        result.exitCode = process.exitCode();
    }
    result.stdOut = QString::fromUtf8(process.readAllStandardOutput());
    result.stdErr = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QString TestCtlDirectory::mailboxHash(const QString& address)
{
    QString hash;
    const QString connection = QStringLiteral("tst_ctl_directory_hash");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(m_service.dataDir() + QStringLiteral("/postwarden.db"));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open()) {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("SELECT password_hash FROM mailboxes WHERE address = ?"));
            query.addBindValue(address);
            if (query.exec() && query.next())
                hash = query.value(0).toString();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return hash;
}

QJsonArray TestCtlDirectory::dkimKeys(const QString& domain)
{
    const ProgramResult shown = json({QStringLiteral("dkim"), QStringLiteral("show"), domain});
    if (shown.exitCode != 0)
        qWarning() << shown.stdErr;
    return parseObject(shown.stdOut).value(QStringLiteral("keys")).toArray();
}

void TestCtlDirectory::usageErrors()
{
    for (const QStringList& args :
         {QStringList{QStringLiteral("domain")},
          QStringList{QStringLiteral("domain"), QStringLiteral("frob")},
          QStringList{QStringLiteral("domain"), QStringLiteral("add")},
          QStringList{QStringLiteral("mailbox"), QStringLiteral("quota"), QStringLiteral("a@example.com")},
          QStringList{QStringLiteral("mailbox"), QStringLiteral("quota"), QStringLiteral("a@example.com"),
                      QStringLiteral("lots")},
          QStringList{QStringLiteral("alias"), QStringLiteral("add"), QStringLiteral("a@example.com")},
          QStringList{QStringLiteral("catchall"), QStringLiteral("set"), QStringLiteral("example.com")},
          QStringList{QStringLiteral("postmaster"), QStringLiteral("clear"), QStringLiteral("example.com")},
          QStringList{QStringLiteral("dkim"), QStringLiteral("show")},
          QStringList{QStringLiteral("records")}}) {
        const ProgramResult result = ctl(args);
        QVERIFY2(result.exitCode == 2,
                 qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(": ") + result.stdErr));
        QVERIFY(result.stdErr.startsWith(QLatin1String("postwardenctl: ")));
    }
}

void TestCtlDirectory::domains()
{
    ProgramResult added =
        ctl({QStringLiteral("domain"), QStringLiteral("add"), QStringLiteral("Example.COM")});
    QVERIFY2(added.exitCode == 0, qPrintable(added.stdErr));
    QVERIFY(added.stdOut.contains(QLatin1String("example.com")));
    // The DKIM records to publish come with it.
    QVERIFY(added.stdOut.contains(QLatin1String("._domainkey.example.com. IN TXT \"v=DKIM1; k=rsa; p=")));
    QVERIFY(added.stdOut.contains(QLatin1String("._domainkey.example.com. IN TXT \"v=DKIM1; k=ed25519; p=")));

    added = json({QStringLiteral("domain"), QStringLiteral("add"), QStringLiteral("example.org")});
    QCOMPARE(added.exitCode, 0);
    QCOMPARE(parseObject(added.stdOut).value(QStringLiteral("domain")).toString(),
             QStringLiteral("example.org"));
    QCOMPARE(parseObject(added.stdOut).value(QStringLiteral("dkim")).toArray().size(), 2);

    added = ctl({QStringLiteral("domain"), QStringLiteral("add"), QStringLiteral("bücher.example")});
    QCOMPARE(added.exitCode, 0);

    const ProgramResult again =
        ctl({QStringLiteral("domain"), QStringLiteral("add"), QStringLiteral("example.com")});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.stdErr.contains(QLatin1String("already exists")), qPrintable(again.stdErr));
    QCOMPARE(ctl({QStringLiteral("domain"), QStringLiteral("add"), QStringLiteral("not a domain")}).exitCode,
             1);
    QCOMPARE(
        ctl({QStringLiteral("domain"), QStringLiteral("remove"), QStringLiteral("example.net")}).exitCode, 1);

    const ProgramResult list = ctl({QStringLiteral("domain"), QStringLiteral("list")});
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(list.stdOut.split(QLatin1Char('\n'), Qt::SkipEmptyParts),
             (QStringList{QStringLiteral("example.com"), QStringLiteral("example.org"),
                          QStringLiteral("xn--bcher-kva.example")}));
    const QJsonArray listed = parseObject(json({QStringLiteral("domain"), QStringLiteral("list")}).stdOut)
                                  .value(QStringLiteral("domains"))
                                  .toArray();
    QCOMPARE(listed.size(), 3);
    QCOMPARE(listed.at(2).toObject().value(QStringLiteral("unicode")).toString(),
             QStringLiteral("bücher.example"));
}

void TestCtlDirectory::dkimKeyFiles()
{
    const QString keys = m_service.dataDir() + QStringLiteral("/keys");
    QCOMPARE(fileMode(keys), 0700);
    const QStringList files = QDir(keys).entryList(QDir::Files);
    QCOMPARE(files.size(), 6); // three domains, two keys each
    for (const QString& file : files) {
        QCOMPARE(fileMode(keys + QLatin1Char('/') + file), 0600);
        const auto key = pw::crypto::KeyPair::loadPrivatePem(keys + QLatin1Char('/') + file);
        QVERIFY2(key.ok(), qPrintable(key.error().message));
        QVERIFY(key.value().type() == pw::crypto::KeyType::Ed25519 || key.value().bits() == 2048);
    }
}

void TestCtlDirectory::mailboxes()
{
    ProgramResult added =
        ctlWithInput({QStringLiteral("mailbox"), QStringLiteral("add"), QStringLiteral("Alice@Example.com"),
                      QStringLiteral("--quota"), QStringLiteral("500M")},
                     kPassword + "\n");
    QVERIFY2(added.exitCode == 0, qPrintable(added.stdErr));
    QVERIFY(added.stdOut.contains(QLatin1String("alice@example.com")));
    const QString hash = mailboxHash(QStringLiteral("alice@example.com"));
    QVERIFY2(hash.startsWith(QLatin1String("$argon2id$")), qPrintable(hash));
    QVERIFY(pw::crypto::PasswordHash::verify(kPassword, hash.toUtf8()));

    added = ctlWithInput(
        {QStringLiteral("mailbox"), QStringLiteral("add"), QStringLiteral("bob@example.com")}, "bobpw\r\n");
    QCOMPARE(added.exitCode, 0);
    // Only the first line is the password.
    QVERIFY(
        pw::crypto::PasswordHash::verify("bobpw", mailboxHash(QStringLiteral("bob@example.com")).toUtf8()));
    added =
        ctlWithInput({QStringLiteral("mailbox"), QStringLiteral("add"), QStringLiteral("carol@example.org")},
                     "carolpw\nsecond line\n");
    QCOMPARE(added.exitCode, 0);
    QVERIFY(pw::crypto::PasswordHash::verify("carolpw",
                                             mailboxHash(QStringLiteral("carol@example.org")).toUtf8()));

    // Empty password, duplicate, unknown domain.
    QCOMPARE(ctlWithInput(
                 {QStringLiteral("mailbox"), QStringLiteral("add"), QStringLiteral("dave@example.com")}, "\n")
                 .exitCode,
             2);
    QCOMPARE(ctlWithInput(
                 {QStringLiteral("mailbox"), QStringLiteral("add"), QStringLiteral("dave@example.com")}, {})
                 .exitCode,
             2);
    const ProgramResult duplicate = ctlWithInput(
        {QStringLiteral("mailbox"), QStringLiteral("add"), QStringLiteral("ALICE@example.com")}, "x\n");
    QCOMPARE(duplicate.exitCode, 1);
    QVERIFY(duplicate.stdErr.contains(QLatin1String("already exists")));
    QCOMPARE(ctlWithInput({QStringLiteral("mailbox"), QStringLiteral("add"), QStringLiteral("x@example.net")},
                          "x\n")
                 .exitCode,
             1);
    QCOMPARE(ctlWithInput({QStringLiteral("mailbox"), QStringLiteral("add"), QStringLiteral("y@example.com"),
                           QStringLiteral("--quota"), QStringLiteral("huge")},
                          "x\n")
                 .exitCode,
             2);

    ProgramResult list = ctl({QStringLiteral("mailbox"), QStringLiteral("list")});
    QCOMPARE(list.exitCode, 0);
    QStringList lines = list.stdOut.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines.at(0).startsWith(QLatin1String("alice@example.com")));
    QVERIFY(lines.at(0).contains(QLatin1String("500M")));
    list = ctl({QStringLiteral("mailbox"), QStringLiteral("list"), QStringLiteral("example.org")});
    QCOMPARE(list.stdOut.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 1);
    QCOMPARE(ctl({QStringLiteral("mailbox"), QStringLiteral("list"), QStringLiteral("example.net")}).exitCode,
             1);

    // Quota sizes.
    const auto quotaOf = [this](const QString& size) {
        const ProgramResult r = json(
            {QStringLiteral("mailbox"), QStringLiteral("quota"), QStringLiteral("alice@example.com"), size});
        return r.exitCode == 0 ? parseObject(r.stdOut).value(QStringLiteral("quota_bytes")).toInteger() : -1;
    };
    QCOMPARE(quotaOf(QStringLiteral("2G")), qint64(2) * 1024 * 1024 * 1024);
    QCOMPARE(quotaOf(QStringLiteral("500M")), qint64(500) * 1024 * 1024);
    QCOMPARE(quotaOf(QStringLiteral("0")), 0);
    QCOMPARE(ctl({QStringLiteral("mailbox"), QStringLiteral("quota"), QStringLiteral("nobody@example.com"),
                  QStringLiteral("1G")})
                 .exitCode,
             1);

    // Disable and enable.
    QCOMPARE(ctl({QStringLiteral("mailbox"), QStringLiteral("disable"), QStringLiteral("bob@example.com")})
                 .exitCode,
             0);
    list = ctl({QStringLiteral("mailbox"), QStringLiteral("list"), QStringLiteral("example.com")});
    QVERIFY2(list.stdOut.contains(QRegularExpression(QStringLiteral("^bob@example.com .*disabled$"),
                                                     QRegularExpression::MultilineOption)),
             qPrintable(list.stdOut));
    QCOMPARE(ctl({QStringLiteral("mailbox"), QStringLiteral("enable"), QStringLiteral("bob@example.com")})
                 .exitCode,
             0);
    const QJsonArray boxes =
        parseObject(
            json({QStringLiteral("mailbox"), QStringLiteral("list"), QStringLiteral("example.com")}).stdOut)
            .value(QStringLiteral("mailboxes"))
            .toArray();
    QCOMPARE(boxes.size(), 2);
    QCOMPARE(boxes.at(1).toObject().value(QStringLiteral("disabled")).toBool(), false);
    QCOMPARE(ctl({QStringLiteral("mailbox"), QStringLiteral("disable"), QStringLiteral("nobody@example.com")})
                 .exitCode,
             1);
}

void TestCtlDirectory::mailboxPasswordNeverFromArgv()
{
    const ProgramResult result = ctlWithInput({QStringLiteral("mailbox"), QStringLiteral("add"),
                                               QStringLiteral("eve@example.com"), QStringLiteral("hunter2")},
                                              "x\n");
    QCOMPARE(result.exitCode, 2);
    QVERIFY(mailboxHash(QStringLiteral("eve@example.com")).isEmpty());
}

void TestCtlDirectory::passwordChange()
{
    const QString before = mailboxHash(QStringLiteral("alice@example.com"));
    ProgramResult changed = ctlWithInput(
        {QStringLiteral("mailbox"), QStringLiteral("passwd"), QStringLiteral("alice@example.com")},
        kNewPassword + "\n");
    QVERIFY2(changed.exitCode == 0, qPrintable(changed.stdErr));
    const QString after = mailboxHash(QStringLiteral("alice@example.com"));
    QVERIFY(after != before);
    QVERIFY(pw::crypto::PasswordHash::verify(kNewPassword, after.toUtf8()));
    QVERIFY(!pw::crypto::PasswordHash::verify(kPassword, after.toUtf8()));
    QCOMPARE(
        ctlWithInput(
            {QStringLiteral("mailbox"), QStringLiteral("passwd"), QStringLiteral("alice@example.com")}, "")
            .exitCode,
        2);
    QCOMPARE(ctlWithInput(
                 {QStringLiteral("mailbox"), QStringLiteral("passwd"), QStringLiteral("nobody@example.com")},
                 "x\n")
                 .exitCode,
             1);
}

void TestCtlDirectory::aliases()
{
    ProgramResult added =
        ctl({QStringLiteral("alias"), QStringLiteral("add"), QStringLiteral("Info@example.com"),
             QStringLiteral("alice@example.com"), QStringLiteral("carol@example.org")});
    QVERIFY2(added.exitCode == 0, qPrintable(added.stdErr));
    QCOMPARE(ctl({QStringLiteral("alias"), QStringLiteral("add"), QStringLiteral("sales-*@example.com"),
                  QStringLiteral("bob@example.com")})
                 .exitCode,
             0);
    const ProgramResult outside = ctl({QStringLiteral("alias"), QStringLiteral("add"),
                                       QStringLiteral("x@example.com"), QStringLiteral("x@gmail.com")});
    QCOMPARE(outside.exitCode, 1);
    QVERIFY(outside.stdErr.contains(QLatin1String("outside our domains")));
    QCOMPARE(ctl({QStringLiteral("alias"), QStringLiteral("add"), QStringLiteral("x@example.net"),
                  QStringLiteral("alice@example.com")})
                 .exitCode,
             1);
    QCOMPARE(ctl({QStringLiteral("alias"), QStringLiteral("add"), QStringLiteral("info@example.com"),
                  QStringLiteral("alice@example.com")})
                 .exitCode,
             1); // nothing new

    ProgramResult list = ctl({QStringLiteral("alias"), QStringLiteral("list")});
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.stdOut.contains(QStringLiteral("info@example.com → alice@example.com, carol@example.org")),
             qPrintable(list.stdOut));
    QVERIFY(list.stdOut.contains(QStringLiteral("sales-*@example.com → bob@example.com")));
    QCOMPARE(ctl({QStringLiteral("alias"), QStringLiteral("list"), QStringLiteral("example.org")})
                 .stdOut.trimmed(),
             QString());

    QCOMPARE(ctl({QStringLiteral("alias"), QStringLiteral("remove"), QStringLiteral("info@example.com"),
                  QStringLiteral("carol@example.org")})
                 .exitCode,
             0);
    const QJsonArray aliases =
        parseObject(
            json({QStringLiteral("alias"), QStringLiteral("list"), QStringLiteral("example.com")}).stdOut)
            .value(QStringLiteral("aliases"))
            .toArray();
    QCOMPARE(aliases.size(), 2);
    QCOMPARE(aliases.at(0).toObject().value(QStringLiteral("targets")).toArray(),
             QJsonArray{QStringLiteral("alice@example.com")});
    QCOMPARE(ctl({QStringLiteral("alias"), QStringLiteral("remove"), QStringLiteral("sales-*@example.com")})
                 .exitCode,
             0);
    QCOMPARE(ctl({QStringLiteral("alias"), QStringLiteral("remove"), QStringLiteral("sales-*@example.com")})
                 .exitCode,
             1);
}

void TestCtlDirectory::catchallAndPostmaster()
{
    QCOMPARE(ctl({QStringLiteral("catchall"), QStringLiteral("set"), QStringLiteral("example.com"),
                  QStringLiteral("bob@example.com")})
                 .exitCode,
             0);
    QCOMPARE(ctl({QStringLiteral("postmaster"), QStringLiteral("set"), QStringLiteral("example.com"),
                  QStringLiteral("alice@example.com")})
                 .exitCode,
             0);
    QJsonObject domain = parseObject(json({QStringLiteral("domain"), QStringLiteral("list")}).stdOut)
                             .value(QStringLiteral("domains"))
                             .toArray()
                             .at(0)
                             .toObject();
    QCOMPARE(domain.value(QStringLiteral("catchall")).toString(), QStringLiteral("bob@example.com"));
    QCOMPARE(domain.value(QStringLiteral("postmaster")).toString(), QStringLiteral("alice@example.com"));

    QCOMPARE(ctl({QStringLiteral("catchall"), QStringLiteral("set"), QStringLiteral("example.com"),
                  QStringLiteral("a@gmail.com")})
                 .exitCode,
             1);
    QCOMPARE(ctl({QStringLiteral("catchall"), QStringLiteral("set"), QStringLiteral("example.net"),
                  QStringLiteral("bob@example.com")})
                 .exitCode,
             1);
    QCOMPARE(ctl({QStringLiteral("postmaster"), QStringLiteral("set"), QStringLiteral("example.com"),
                  QStringLiteral("nobody@example.com")})
                 .exitCode,
             1);
    QCOMPARE(
        ctl({QStringLiteral("catchall"), QStringLiteral("clear"), QStringLiteral("example.com")}).exitCode,
        0);
    domain = parseObject(json({QStringLiteral("domain"), QStringLiteral("list")}).stdOut)
                 .value(QStringLiteral("domains"))
                 .toArray()
                 .at(0)
                 .toObject();
    QCOMPARE(domain.value(QStringLiteral("catchall")).toString(), QString());
}

void TestCtlDirectory::dkimRotation()
{
    QJsonArray keys = dkimKeys(QStringLiteral("example.org"));
    QCOMPARE(keys.size(), 2);
    QStringList oldSelectors;
    for (const QJsonValue& key : keys) {
        QCOMPARE(key.toObject().value(QStringLiteral("state")).toString(), QStringLiteral("signing"));
        oldSelectors.append(key.toObject().value(QStringLiteral("selector")).toString());
    }
    QVERIFY2(oldSelectors.at(0).startsWith(QLatin1String("pw")) && oldSelectors.at(0) != oldSelectors.at(1),
             qPrintable(oldSelectors.join(QLatin1Char(' '))));

    const ProgramResult shown =
        ctl({QStringLiteral("dkim"), QStringLiteral("show"), QStringLiteral("example.org")});
    QCOMPARE(shown.exitCode, 0);
    for (const QString& selector : oldSelectors)
        QVERIFY(
            shown.stdOut.contains(selector + QStringLiteral("._domainkey.example.org. IN TXT \"v=DKIM1;")));

    const ProgramResult rotated =
        json({QStringLiteral("dkim"), QStringLiteral("rotate"), QStringLiteral("example.org")});
    QVERIFY2(rotated.exitCode == 0, qPrintable(rotated.stdErr));
    const QJsonArray created = parseObject(rotated.stdOut).value(QStringLiteral("created")).toArray();
    QCOMPARE(created.size(), 2);
    QStringList newSelectors;
    for (const QJsonValue& key : created) {
        QCOMPARE(key.toObject().value(QStringLiteral("state")).toString(), QStringLiteral("pending"));
        newSelectors.append(key.toObject().value(QStringLiteral("selector")).toString());
        QVERIFY(!oldSelectors.contains(newSelectors.last()));
    }
    // A new key is published, but the old ones keep signing until activation.
    keys = dkimKeys(QStringLiteral("example.org"));
    QCOMPARE(keys.size(), 4);
    QCOMPARE(keys.at(0).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("signing"));
    QCOMPARE(QDir(m_service.dataDir() + QStringLiteral("/keys")).entryList(QDir::Files).size(), 8);
    const ProgramResult twice =
        ctl({QStringLiteral("dkim"), QStringLiteral("rotate"), QStringLiteral("example.org")});
    QCOMPARE(twice.exitCode, 1);
    QVERIFY(twice.stdErr.contains(QLatin1String("pending")));

    QCOMPARE(
        ctl({QStringLiteral("dkim"), QStringLiteral("activate"), QStringLiteral("example.org")}).exitCode, 0);
    keys = dkimKeys(QStringLiteral("example.org"));
    QCOMPARE(keys.size(), 4);
    for (const QJsonValue& k : keys) {
        const QJsonObject key = k.toObject();
        const QString selector = key.value(QStringLiteral("selector")).toString();
        QCOMPARE(key.value(QStringLiteral("state")).toString(),
                 newSelectors.contains(selector) ? QStringLiteral("signing") : QStringLiteral("retired"));
    }
    QCOMPARE(
        ctl({QStringLiteral("dkim"), QStringLiteral("activate"), QStringLiteral("example.org")}).exitCode, 1);
    QCOMPARE(ctl({QStringLiteral("dkim"), QStringLiteral("show"), QStringLiteral("example.net")}).exitCode,
             1);
    QCOMPARE(ctl({QStringLiteral("dkim"), QStringLiteral("rotate"), QStringLiteral("example.net")}).exitCode,
             1);
}

void TestCtlDirectory::records()
{
    const ProgramResult result = ctl({QStringLiteral("records"), QStringLiteral("example.com")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.stdErr + result.stdOut));
    const QStringList lines = result.stdOut.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const auto line = [&lines](const QString& prefix, const QString& type) {
        for (const QString& l : lines)
            if (l.startsWith(prefix) && l.contains(QStringLiteral("\tIN\t") + type + QLatin1Char('\t')))
                return l;
        return QString();
    };
    QVERIFY2(line(QStringLiteral("example.com."), QStringLiteral("MX"))
                 .endsWith(QLatin1String("mail.example.com.")),
             qPrintable(result.stdOut));
    QVERIFY(
        line(QStringLiteral("mail.example.com."), QStringLiteral("A")).endsWith(QLatin1String("192.0.2.10")));
    QVERIFY(line(QStringLiteral("mail.example.com."), QStringLiteral("AAAA"))
                .endsWith(QLatin1String("2001:db8::10")));
    QVERIFY(line(QStringLiteral("example.com."), QStringLiteral("TXT"))
                .contains(QLatin1String("\"v=spf1 mx ip4:192.0.2.10 ip6:2001:db8::10 -all\"")));
    QVERIFY(line(QStringLiteral("_dmarc.example.com."), QStringLiteral("TXT"))
                .contains(QLatin1String("v=DMARC1;")));

    // Both DKIM records carry the public halves of the key files the service signs with.
    const QJsonArray keys = dkimKeys(QStringLiteral("example.com"));
    QCOMPARE(keys.size(), 2);
    for (const QJsonValue& k : keys) {
        const QString selector = k.toObject().value(QStringLiteral("selector")).toString();
        const auto key = pw::crypto::KeyPair::loadPrivatePem(
            m_service.dataDir() + QStringLiteral("/keys/example.com.%1.pem").arg(selector));
        QVERIFY2(key.ok(), qPrintable(key.error().message));
        const QByteArray publicKey = key.value().type() == pw::crypto::KeyType::Ed25519
                                         ? key.value().rawPublicKey().value()
                                         : key.value().publicDer().value();
        const QString record =
            line(selector + QStringLiteral("._domainkey.example.com."), QStringLiteral("TXT"));
        QVERIFY2(!record.isEmpty(), qPrintable(selector));
        QVERIFY2(joinTxt(record).contains(QStringLiteral("p=") + QString::fromLatin1(publicKey.toBase64())),
                 qPrintable(record));
        QVERIFY(record.contains(key.value().type() == pw::crypto::KeyType::Ed25519
                                    ? QLatin1String("k=ed25519")
                                    : QLatin1String("k=rsa")));
    }

    // The rotated domain publishes the retired keys too, for their retention time.
    const ProgramResult rotated = ctl({QStringLiteral("records"), QStringLiteral("example.org")});
    QCOMPARE(rotated.exitCode, 0);
    QCOMPARE(rotated.stdOut.count(QStringLiteral("._domainkey.example.org.\t")), 4);

    const QJsonObject asJson =
        parseObject(json({QStringLiteral("records"), QStringLiteral("example.com")}).stdOut);
    QCOMPARE(asJson.value(QStringLiteral("hostname")).toString(), QStringLiteral("mail.example.com"));
    QVERIFY(asJson.value(QStringLiteral("records")).toArray().size() >= 7);
    QCOMPARE(asJson.value(QStringLiteral("errors")).toArray().size(), 0);
    QCOMPARE(ctl({QStringLiteral("records"), QStringLiteral("example.net")}).exitCode, 1);
}

void TestCtlDirectory::status()
{
    const ProgramResult result = json({QStringLiteral("status")});
    QCOMPARE(result.exitCode, 0);
    const QJsonObject counts = parseObject(result.stdOut).value(QStringLiteral("counts")).toObject();
    QCOMPARE(counts.value(QStringLiteral("domains")).toInteger(), 3);
    QCOMPARE(counts.value(QStringLiteral("mailboxes")).toInteger(), 3);
    QCOMPARE(counts.value(QStringLiteral("aliases")).toInteger(), 1);
}

void TestCtlDirectory::removeDomain()
{
    QCOMPARE(ctl({QStringLiteral("mailbox"), QStringLiteral("remove"), QStringLiteral("bob@example.com")})
                 .exitCode,
             0);
    QCOMPARE(ctl({QStringLiteral("mailbox"), QStringLiteral("remove"), QStringLiteral("bob@example.com")})
                 .exitCode,
             1);
    QCOMPARE(
        ctl({QStringLiteral("domain"), QStringLiteral("remove"), QStringLiteral("bücher.example")}).exitCode,
        0);
    // Its keys go with it; the others stay.
    const QStringList files = QDir(m_service.dataDir() + QStringLiteral("/keys")).entryList(QDir::Files);
    QCOMPARE(files.size(), 6);
    for (const QString& file : files)
        QVERIFY(!file.contains(QLatin1String("xn--bcher-kva")));
    QCOMPARE(ctl({QStringLiteral("domain"), QStringLiteral("list")})
                 .stdOut.split(QLatin1Char('\n'), Qt::SkipEmptyParts),
             (QStringList{QStringLiteral("example.com"), QStringLiteral("example.org")}));
}

void TestCtlDirectory::eventsRecordedWithoutPasswords()
{
    // The live log, as `logs` shows it.
    const ProgramResult logs =
        ctl({QStringLiteral("logs"), QStringLiteral("--lines"), QStringLiteral("10000")});
    QCOMPARE(logs.exitCode, 0);
    QVERIFY(logs.stdOut.contains(QLatin1String("directory: mailbox alice@example.com added")));
    QVERIFY(logs.stdOut.contains(QLatin1String("directory: password of alice@example.com changed")));
    QVERIFY(logs.stdOut.contains(QLatin1String("dkim: ")));

    // The database's event log.
    QStringList events;
    const QString connection = QStringLiteral("tst_ctl_directory_events");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(m_service.dataDir() + QStringLiteral("/postwarden.db"));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(
            QStringLiteral("SELECT category, message, coalesce(fields, '') FROM events ORDER BY id")));
        while (query.next())
            events.append(query.value(0).toString() + QStringLiteral(": ") + query.value(1).toString() +
                          QLatin1Char(' ') + query.value(2).toString());
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    const QString all = events.join(QLatin1Char('\n'));
    for (const char* expected :
         {"directory: domain example.com added", "dkim: DKIM keys pw",
          "directory: mailbox alice@example.com added", "directory: mailbox bob@example.com disabled",
          "directory: mailbox bob@example.com enabled", "directory: quota of alice@example.com",
          "directory: password of alice@example.com changed", "directory: alias info@example.com",
          "directory: catch-all of example.com set to bob@example.com",
          "directory: catch-all of example.com cleared",
          "directory: postmaster and abuse of example.com go to",
          "dkim: DKIM rotation of example.org started", "dkim: DKIM keys",
          "directory: mailbox bob@example.com removed", "directory: domain xn--bcher-kva.example removed"})
        QVERIFY2(all.contains(QLatin1String(expected)), expected);

    // No password anywhere: not in the events, the live log or the service's own output.
    for (const QByteArray& secret : {kPassword, kNewPassword, QByteArray("bobpw"), QByteArray("carolpw")}) {
        const QString text = QString::fromUtf8(secret);
        QVERIFY2(!all.contains(text), secret.constData());
        QVERIFY2(!logs.stdOut.contains(text), secret.constData());
        QVERIFY2(!m_service.output().contains(text), secret.constData());
    }
    QFile db(m_service.dataDir() + QStringLiteral("/postwarden.db"));
    QVERIFY(db.open(QIODevice::ReadOnly));
    QVERIFY(!db.readAll().contains(kPassword));
}

QTEST_GUILESS_MAIN(TestCtlDirectory)
#include "tst_ctl_directory.moc"
