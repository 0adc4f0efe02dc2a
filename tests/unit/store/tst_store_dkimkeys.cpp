// DkimKeyStore: the keys a new domain gets, the two-step rotation, retention and the key files.

#include "service/store/Database.h"
#include "service/store/Directory.h"
#include "service/store/DkimKeyStore.h"
#include "shared/auth/records/DkimRotation.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <sys/stat.h>

using pw::crypto::KeyType;
using pw::service::Database;
using pw::service::Directory;
using pw::service::DkimKeyRecord;
using pw::service::DkimKeyStore;
using pw::service::StoreErrorCode;
using State = pw::service::DkimKeyRecord::State;

namespace {

int fileMode(const QString& path)
{
    struct stat st = {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return static_cast<int>(st.st_mode & 07777);
}

} // namespace

class TestDkimKeys : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void newDomainSignsAtOnce();
    void signingKeysSignWhatTheRecordsVerify();
    void rotation();
    void retention();
    void removeDomainKeys();
    void errors();

private:
    QTemporaryDir m_dir;
    QString m_dataDir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Directory> m_directory;
    std::unique_ptr<DkimKeyStore> m_keys;
};

void TestDkimKeys::init()
{
    static int n = 0;
    m_dataDir = m_dir.filePath(QString::number(++n));
    QVERIFY(QDir().mkpath(m_dataDir));
    m_db = std::make_unique<Database>();
    const auto opened = m_db->open(m_dataDir + QStringLiteral("/postwarden.db"));
    QVERIFY2(opened.ok(), qPrintable(opened.message));
    m_directory = std::make_unique<Directory>(*m_db);
    m_keys = std::make_unique<DkimKeyStore>(*m_db, m_dataDir);
    QVERIFY(m_directory->addDomain(QStringLiteral("example.com")).ok());
    const auto created = m_keys->createInitialKeys(QStringLiteral("Example.com"));
    QVERIFY2(created.ok(), qPrintable(created.message));
}

void TestDkimKeys::cleanup()
{
    m_keys.reset();
    m_directory.reset();
    m_db.reset();
}

void TestDkimKeys::newDomainSignsAtOnce()
{
    const QList<DkimKeyRecord> keys = m_keys->keys(QStringLiteral("example.com"));
    QCOMPARE(keys.size(), 2);
    const QDate today = QDate::currentDate();
    QCOMPARE(keys.at(0).type, KeyType::Rsa);
    QCOMPARE(keys.at(0).selector, pw::auth::DkimRotation::selectorFor(today, KeyType::Rsa));
    QCOMPARE(keys.at(1).type, KeyType::Ed25519);
    QCOMPARE(keys.at(1).selector, pw::auth::DkimRotation::selectorFor(today, KeyType::Ed25519));
    for (const DkimKeyRecord& key : keys) {
        QCOMPARE(key.state, State::Signing);
        QCOMPARE(fileMode(m_dataDir + QLatin1Char('/') + key.keyFile), 0600);
        QCOMPARE(key.recordName(), key.selector + QStringLiteral("._domainkey.example.com"));
        QVERIFY(key.recordText().startsWith(QLatin1String("v=DKIM1; k=")));
        QVERIFY(key.recordText().endsWith(QString::fromLatin1(key.publicKey.toBase64())));
    }
    QCOMPARE(fileMode(m_keys->keysDir()), 0700);
    QCOMPARE(m_keys->publishedKeys(QStringLiteral("example.com")).size(), 2);
}

void TestDkimKeys::signingKeysSignWhatTheRecordsVerify()
{
    const auto signing = m_keys->signingKeys(QStringLiteral("EXAMPLE.com"));
    QCOMPARE(signing.size(), 2);
    const QList<DkimKeyRecord> records = m_keys->keys(QStringLiteral("example.com"));
    for (const auto& key : signing) {
        QCOMPARE(key.domain, QStringLiteral("example.com"));
        QVERIFY(key.key && key.key->hasPrivateKey());
        QCOMPARE(key.key->type(), key.type);
        if (key.type == KeyType::Rsa)
            QCOMPARE(key.key->bits(), DkimKeyStore::RsaBits);
        const auto record = std::find_if(records.cbegin(), records.cend(),
                                         [&](const DkimKeyRecord& r) { return r.selector == key.selector; });
        QVERIFY(record != records.cend());
        const auto published = key.type == KeyType::Ed25519
                                   ? pw::crypto::KeyPair::fromRawEd25519Public(record->publicKey)
                                   : pw::crypto::KeyPair::fromPublicDer(record->publicKey);
        QVERIFY(published.ok());
        const auto signature = key.key->sign("header hash");
        QVERIFY(signature.ok());
        QVERIFY(published.value().verify("header hash", signature.value()));
        QVERIFY(!published.value().verify("other data", signature.value()));
    }
    // Cached: the same loaded key objects again.
    QCOMPARE(m_keys->signingKeys(QStringLiteral("example.com")).first().key, signing.first().key);
    QVERIFY(m_keys->signingKeys(QStringLiteral("example.org")).isEmpty());
}

void TestDkimKeys::rotation()
{
    const QList<DkimKeyRecord> before = m_keys->keys(QStringLiteral("example.com"));
    QList<DkimKeyRecord> created;
    QVERIFY(m_keys->rotate(QStringLiteral("example.com"), &created).ok());
    QCOMPARE(created.size(), 2);
    for (const DkimKeyRecord& key : created) {
        QCOMPARE(key.state, State::Pending);
        QVERIFY(key.selector != before.at(0).selector && key.selector != before.at(1).selector);
        QVERIFY(QFile::exists(m_dataDir + QLatin1Char('/') + key.keyFile));
    }
    // Selectors are unique and tell the type.
    QVERIFY(created.at(0).selector.contains(QLatin1Char('r')));
    QVERIFY(created.at(1).selector.contains(QLatin1Char('e')));
    QCOMPARE(m_keys->publishedKeys(QStringLiteral("example.com")).size(), 4);
    // Still the old keys sign.
    QStringList signing;
    for (const auto& key : m_keys->signingKeys(QStringLiteral("example.com")))
        signing.append(key.selector);
    QCOMPARE(signing, (QStringList{before.at(0).selector, before.at(1).selector}));
    QCOMPARE(m_keys->rotate(QStringLiteral("example.com")).code, StoreErrorCode::AlreadyExists);

    QVERIFY(m_keys->activate(QStringLiteral("example.com")).ok());
    signing.clear();
    for (const auto& key : m_keys->signingKeys(QStringLiteral("example.com")))
        signing.append(key.selector);
    QCOMPARE(signing, (QStringList{created.at(0).selector, created.at(1).selector}));
    const QList<DkimKeyRecord> after = m_keys->keys(QStringLiteral("example.com"));
    QCOMPARE(after.size(), 4);
    QCOMPARE(after.at(0).state, State::Retired);
    QCOMPARE(after.at(0).retired, QDate::currentDate());
    QCOMPARE(after.at(1).state, State::Retired);
    QCOMPARE(after.at(2).state, State::Signing);
    QCOMPARE(after.at(3).state, State::Signing);
    QCOMPARE(m_keys->activate(QStringLiteral("example.com")).code, StoreErrorCode::NotFound);
}

void TestDkimKeys::retention()
{
    QVERIFY(m_keys->rotate(QStringLiteral("example.com")).ok());
    QVERIFY(m_keys->activate(QStringLiteral("example.com")).ok());
    const QDate today = QDate::currentDate();
    // Published for retentionDays (14) after retirement, then withdrawn.
    QCOMPARE(m_keys->retentionDays(), 14);
    QCOMPARE(m_keys->publishedKeys(QStringLiteral("example.com"), today.addDays(13)).size(), 4);
    QCOMPARE(m_keys->publishedKeys(QStringLiteral("example.com"), today.addDays(14)).size(), 2);
    QCOMPARE(m_keys->keys(QStringLiteral("example.com"), today.addDays(14)).at(0).state, State::Withdrawn);

    // A withdrawn key's row and file go at the next activation.
    m_keys->setRetentionDays(0);
    const QList<DkimKeyRecord> old = m_keys->keys(QStringLiteral("example.com"));
    QVERIFY(m_keys->rotate(QStringLiteral("example.com")).ok());
    QVERIFY(m_keys->activate(QStringLiteral("example.com")).ok());
    const QList<DkimKeyRecord> now = m_keys->keys(QStringLiteral("example.com"));
    QCOMPARE(now.size(), 4); // the two just retired (withdrawn today) and the two signing
    QVERIFY(!QFile::exists(m_dataDir + QLatin1Char('/') + old.at(0).keyFile));
    QVERIFY(!QFile::exists(m_dataDir + QLatin1Char('/') + old.at(1).keyFile));
    QCOMPARE(QDir(m_keys->keysDir()).entryList(QDir::Files).size(), 4);
}

void TestDkimKeys::removeDomainKeys()
{
    QVERIFY(m_keys->rotate(QStringLiteral("example.com")).ok());
    QCOMPARE(QDir(m_keys->keysDir()).entryList(QDir::Files).size(), 4);
    QVERIFY(m_keys->removeDomainKeys(QStringLiteral("example.com")).ok());
    QCOMPARE(QDir(m_keys->keysDir()).entryList(QDir::Files).size(), 0);
    QVERIFY(m_keys->keys(QStringLiteral("example.com")).isEmpty());
    QVERIFY(m_keys->signingKeys(QStringLiteral("example.com")).isEmpty());
}

void TestDkimKeys::errors()
{
    QCOMPARE(m_keys->createInitialKeys(QStringLiteral("example.com")).code, StoreErrorCode::AlreadyExists);
    QCOMPARE(m_keys->createInitialKeys(QStringLiteral("example.net")).code, StoreErrorCode::NotFound);
    QCOMPARE(m_keys->rotate(QStringLiteral("example.net")).code, StoreErrorCode::NotFound);
    QCOMPARE(m_keys->activate(QStringLiteral("example.net")).code, StoreErrorCode::NotFound);
    QCOMPARE(m_keys->activate(QStringLiteral("example.com")).code,
             StoreErrorCode::NotFound); // nothing pending
    // An unreadable key file does not sign (and does not crash).
    const DkimKeyRecord first = m_keys->keys(QStringLiteral("example.com")).first();
    QVERIFY(QFile::remove(m_dataDir + QLatin1Char('/') + first.keyFile));
    DkimKeyStore fresh(*m_db, m_dataDir);
    QCOMPARE(fresh.signingKeys(QStringLiteral("example.com")).size(), 1);
}

QTEST_GUILESS_MAIN(TestDkimKeys)
#include "tst_store_dkimkeys.moc"
