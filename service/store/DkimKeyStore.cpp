#include "service/store/DkimKeyStore.h"

#include "service/store/Database.h"
#include "service/store/Directory.h"
#include "service/store/StoreFailure.h"
#include "shared/auth/records/DkimRotation.h"
#include "shared/auth/records/DnsRecordGenerator.h"
#include "shared/core/LogCategories.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>

namespace pw::service {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("pw::service::DkimKeyStore", text);
}

QString typeName(crypto::KeyType type)
{
    return type == crypto::KeyType::Ed25519 ? QStringLiteral("ed25519") : QStringLiteral("rsa");
}

} // namespace

QString DkimKeyRecord::recordName() const
{
    return selector + QStringLiteral("._domainkey.") + domain;
}

QString DkimKeyRecord::recordText() const
{
    return auth::DnsRecordGenerator::dkimText(auth::DkimKeyInfo{selector, type, publicKey});
}

QString DkimKeyRecord::stateName(State state)
{
    switch (state) {
    case State::Pending:
        return QStringLiteral("pending");
    case State::Signing:
        return QStringLiteral("signing");
    case State::Retired:
        return QStringLiteral("retired");
    case State::Withdrawn:
        return QStringLiteral("withdrawn");
    }
    return {};
}

DkimKeyStore::DkimKeyStore(Database& database, QString dataDir)
    : m_database(database)
    , m_dataDir(std::move(dataDir))
    , m_retentionDays(auth::DkimRotationPolicy{}.retentionDays)
{}

QString DkimKeyStore::keysDir() const
{
    return m_dataDir + QStringLiteral("/keys");
}

qint64 DkimKeyStore::domainId(const QString& name) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT id FROM domains WHERE name = ?"));
    query.addBindValue(Directory::normalizeDomain(name));
    if (query.exec() && query.next())
        return query.value(0).toLongLong();
    return 0;
}

StoreResult DkimKeyStore::generate(const QString& domain, qint64 id, crypto::KeyType type, bool signing,
                                   const QStringList& taken, DkimKeyRecord* out)
{
    // Private keys: nobody but the service may even list them.
    if (!QDir().mkpath(keysDir()) ||
        !QFile::setPermissions(keysDir(),
                               QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner))
        return StoreResult::failure(StoreErrorCode::Io, tr("cannot create %1 with mode 0700").arg(keysDir()));
    crypto::Result<crypto::KeyPair> key = type == crypto::KeyType::Ed25519
                                              ? crypto::KeyPair::generateEd25519()
                                              : crypto::KeyPair::generateRsa(RsaBits);
    if (!key)
        return StoreResult::failure(StoreErrorCode::Io, key.error().message);
    const std::optional<auth::DkimKeyInfo> info = auth::DkimKeyInfo::fromKeyPair(QString(), key.value());
    if (!info)
        return StoreResult::failure(StoreErrorCode::Io, tr("cannot export the public DKIM key"));

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString selector = auth::DkimRotation::selectorFor(now.date(), type, taken);
    const QString relative = QStringLiteral("keys/%1.%2.pem").arg(domain, selector);
    if (crypto::Result<void> saved = key.value().savePrivatePem(m_dataDir + QLatin1Char('/') + relative);
        !saved)
        return StoreResult::failure(StoreErrorCode::Io, saved.error().message);

    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("INSERT INTO dkim_keys (domain_id, selector, key_type, key_file, public_key, "
                       "created, signing) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(id);
    query.addBindValue(selector);
    query.addBindValue(typeName(type));
    query.addBindValue(relative);
    query.addBindValue(QString::fromLatin1(info->publicKey.toBase64()));
    query.addBindValue(now.toString(Qt::ISODateWithMs));
    query.addBindValue(signing ? 1 : 0);
    if (!query.exec()) {
        QFile::remove(m_dataDir + QLatin1Char('/') + relative);
        return StoreFailure::sql(query);
    }
    if (out) {
        out->id = query.lastInsertId().toLongLong();
        out->domain = domain;
        out->selector = selector;
        out->type = type;
        out->keyFile = relative;
        out->publicKey = info->publicKey;
        out->created = now;
        out->signing = signing;
        out->state = signing ? DkimKeyRecord::State::Signing : DkimKeyRecord::State::Pending;
    }
    return StoreResult::success();
}

StoreResult DkimKeyStore::createInitialKeys(const QString& domain)
{
    const QString name = Directory::normalizeDomain(domain);
    const qint64 id = domainId(name);
    if (id == 0)
        return StoreResult::failure(StoreErrorCode::NotFound, tr("no domain %1").arg(domain));
    if (!keys(name).isEmpty())
        return StoreResult::failure(StoreErrorCode::AlreadyExists,
                                    tr("domain %1 has DKIM keys already").arg(name));
    QStringList taken;
    QList<DkimKeyRecord> made;
    for (const crypto::KeyType type : auth::DkimRotationPolicy{}.keyTypes) {
        DkimKeyRecord record;
        if (StoreResult result = generate(name, id, type, true, taken, &record); !result.ok()) {
            deleteFiles(made);
            for (const DkimKeyRecord& key : made) {
                QSqlQuery query(m_database.connection());
                query.prepare(QStringLiteral("DELETE FROM dkim_keys WHERE id = ?"));
                query.addBindValue(key.id);
                (void)query.exec();
            }
            return result;
        }
        taken.append(record.selector);
        made.append(record);
    }
    m_cache.remove(name);
    return StoreResult::success();
}

StoreResult DkimKeyStore::rotate(const QString& domain, QList<DkimKeyRecord>* created)
{
    const QString name = Directory::normalizeDomain(domain);
    const qint64 id = domainId(name);
    if (id == 0)
        return StoreResult::failure(StoreErrorCode::NotFound, tr("no domain %1").arg(domain));
    const QList<DkimKeyRecord> existing = keys(name);
    QStringList taken;
    for (const DkimKeyRecord& key : existing) {
        taken.append(key.selector);
        if (key.state == DkimKeyRecord::State::Pending)
            return StoreResult::failure(
                StoreErrorCode::AlreadyExists,
                tr("a rotation of %1 is pending already (key %2): publish its records, then activate it")
                    .arg(name, key.selector));
    }
    for (const crypto::KeyType type : auth::DkimRotationPolicy{}.keyTypes) {
        DkimKeyRecord record;
        if (StoreResult result = generate(name, id, type, false, taken, &record); !result.ok())
            return result;
        taken.append(record.selector);
        if (created)
            created->append(record);
    }
    return StoreResult::success();
}

StoreResult DkimKeyStore::activate(const QString& domain)
{
    const QString name = Directory::normalizeDomain(domain);
    if (domainId(name) == 0)
        return StoreResult::failure(StoreErrorCode::NotFound, tr("no domain %1").arg(domain));
    const QDate today = QDate::currentDate();
    const QList<DkimKeyRecord> all = keys(name, today);
    bool pending = false;
    for (const DkimKeyRecord& key : all)
        pending = pending || key.state == DkimKeyRecord::State::Pending;
    if (!pending)
        return StoreResult::failure(
            StoreErrorCode::NotFound,
            tr("no new DKIM key of %1 waits to be activated; rotate first").arg(name));

    QSqlDatabase& db = m_database.connection();
    if (!db.transaction())
        return StoreResult::failure(StoreErrorCode::Io, db.lastError().text());
    QList<DkimKeyRecord> withdrawn;
    for (const crypto::KeyType type : auth::DkimRotationPolicy{}.keyTypes) {
        const DkimKeyRecord* newest = nullptr;
        for (const DkimKeyRecord& key : all) // oldest first
            if (key.type == type && key.state != DkimKeyRecord::State::Withdrawn && !key.retired)
                newest = &key;
        for (const DkimKeyRecord& key : all) {
            if (key.type != type)
                continue;
            QSqlQuery query(db);
            if (newest && key.id == newest->id) {
                query.prepare(
                    QStringLiteral("UPDATE dkim_keys SET signing = 1, retired = NULL WHERE id = ?"));
            } else if (key.state == DkimKeyRecord::State::Withdrawn) {
                query.prepare(QStringLiteral("DELETE FROM dkim_keys WHERE id = ?"));
                withdrawn.append(key);
            } else if (!key.retired) {
                query.prepare(QStringLiteral("UPDATE dkim_keys SET signing = 0, retired = '%1' WHERE id = ?")
                                  .arg(today.toString(Qt::ISODate)));
            } else {
                continue;
            }
            query.addBindValue(key.id);
            if (!query.exec()) {
                db.rollback();
                return StoreFailure::sql(query);
            }
        }
    }
    if (!db.commit())
        return StoreResult::failure(StoreErrorCode::Io, db.lastError().text());
    deleteFiles(withdrawn);
    m_cache.remove(name);
    return StoreResult::success();
}

StoreResult DkimKeyStore::removeDomainKeys(const QString& domain)
{
    const QString name = Directory::normalizeDomain(domain);
    const qint64 id = domainId(name);
    if (id == 0)
        return StoreResult::failure(StoreErrorCode::NotFound, tr("no domain %1").arg(domain));
    const QList<DkimKeyRecord> all = keys(name);
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("DELETE FROM dkim_keys WHERE domain_id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return StoreFailure::sql(query);
    deleteFiles(all);
    m_cache.remove(name);
    return StoreResult::success();
}

void DkimKeyStore::deleteFiles(const QList<DkimKeyRecord>& keys) const
{
    for (const DkimKeyRecord& key : keys)
        QFile::remove(m_dataDir + QLatin1Char('/') + key.keyFile);
}

QList<DkimKeyRecord> DkimKeyStore::keys(const QString& domain, QDate today) const
{
    const QString name = Directory::normalizeDomain(domain);
    QList<DkimKeyRecord> list;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT k.id, k.selector, k.key_type, k.key_file, k.public_key, k.created, "
                                 "k.signing, k.retired FROM dkim_keys k JOIN domains d ON d.id = k.domain_id "
                                 "WHERE d.name = ? ORDER BY k.created, k.id"));
    query.addBindValue(name);
    if (!query.exec())
        return list;
    while (query.next()) {
        DkimKeyRecord key;
        key.id = query.value(0).toLongLong();
        key.domain = name;
        key.selector = query.value(1).toString();
        key.type = query.value(2).toString() == QLatin1String("ed25519") ? crypto::KeyType::Ed25519
                                                                         : crypto::KeyType::Rsa;
        key.keyFile = query.value(3).toString();
        key.publicKey = QByteArray::fromBase64(query.value(4).toString().toLatin1());
        key.created = QDateTime::fromString(query.value(5).toString(), Qt::ISODateWithMs);
        key.signing = query.value(6).toBool();
        if (!query.value(7).isNull())
            key.retired = QDate::fromString(query.value(7).toString(), Qt::ISODate);
        if (key.signing)
            key.state = DkimKeyRecord::State::Signing;
        else if (!key.retired)
            key.state = DkimKeyRecord::State::Pending;
        else if (key.retired->addDays(m_retentionDays) > today)
            key.state = DkimKeyRecord::State::Retired;
        else
            key.state = DkimKeyRecord::State::Withdrawn;
        list.append(key);
    }
    return list;
}

QList<DkimKeyRecord> DkimKeyStore::publishedKeys(const QString& domain, QDate today) const
{
    QList<DkimKeyRecord> list = keys(domain, today);
    list.removeIf([](const DkimKeyRecord& key) { return key.state == DkimKeyRecord::State::Withdrawn; });
    return list;
}

QList<DkimSigningKey> DkimKeyStore::signingKeys(const QString& domain) const
{
    const QString name = Directory::normalizeDomain(domain);
    if (const auto cached = m_cache.constFind(name); cached != m_cache.constEnd())
        return *cached;
    QList<DkimSigningKey> list;
    for (const DkimKeyRecord& key : keys(name)) {
        if (key.state != DkimKeyRecord::State::Signing)
            continue;
        crypto::Result<crypto::KeyPair> loaded =
            crypto::KeyPair::loadPrivatePem(m_dataDir + QLatin1Char('/') + key.keyFile);
        if (!loaded) {
            qCWarning(lcStore) << "DKIM key" << key.selector << "of" << name
                               << "cannot be loaded:" << loaded.error().message;
            continue;
        }
        list.append(DkimSigningKey{name, key.selector, key.type,
                                   std::make_shared<const crypto::KeyPair>(std::move(loaded).value())});
    }
    m_cache.insert(name, list);
    return list;
}

} // namespace pw::service
