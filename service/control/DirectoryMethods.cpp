#include "service/control/DirectoryMethods.h"

#include "service/control/ControlConnection.h"
#include "service/control/MethodTable.h"
#include "service/core/ServiceConfig.h"
#include "service/store/Directory.h"
#include "service/store/DkimKeyStore.h"
#include "shared/auth/records/DnsRecordGenerator.h"
#include "shared/auth/records/ZoneFragment.h"
#include "shared/dns/RecordType.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QMap>
#include <QUrl>

namespace pw::service {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("pw::service", text);
}

const QString kDirectory = QStringLiteral("directory");
const QString kDkim = QStringLiteral("dkim");

// A required string parameter; false after answering the error.
bool stringParam(const QJsonObject& params, const char* key, const Responder& respond, QString* out)
{
    const QJsonValue value = params.value(QLatin1String(key));
    if (!value.isString() || value.toString().trimmed().isEmpty()) {
        respond.error(control::ErrorCode::InvalidParams,
                      tr("\"%1\" must be a non-empty string").arg(QLatin1String(key)));
        return false;
    }
    *out = value.toString().trimmed();
    return true;
}

bool optionalStringParam(const QJsonObject& params, const char* key, const Responder& respond, QString* out)
{
    const QJsonValue value = params.value(QLatin1String(key));
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isString()) {
        respond.error(control::ErrorCode::InvalidParams,
                      tr("\"%1\" must be a string").arg(QLatin1String(key)));
        return false;
    }
    *out = value.toString().trimmed();
    return true;
}

bool stringListParam(const QJsonObject& params, const char* key, bool required, const Responder& respond,
                     QStringList* out)
{
    const QJsonValue value = params.value(QLatin1String(key));
    if (value.isUndefined() && !required)
        return true;
    bool ok = value.isArray() && (!required || !value.toArray().isEmpty());
    for (const QJsonValue& item : value.toArray()) {
        ok = ok && item.isString() && !item.toString().trimmed().isEmpty();
        out->append(item.toString().trimmed());
    }
    if (!ok)
        respond.error(control::ErrorCode::InvalidParams,
                      tr("\"%1\" must be a list of addresses").arg(QLatin1String(key)));
    return ok;
}

bool quotaParam(const QJsonObject& params, bool required, const Responder& respond, qint64* out)
{
    const QJsonValue value = params.value(QStringLiteral("quota_bytes"));
    if (value.isUndefined() && !required)
        return true;
    // Exact up to 2^53, which is 8 PiB: more than enough for a mailbox.
    if (!value.isDouble() || value.toDouble() < 0 || value.toDouble() > 9007199254740992.0 ||
        value.toDouble() != static_cast<double>(value.toInteger())) {
        respond.error(control::ErrorCode::InvalidParams,
                      tr("\"quota_bytes\" must be a whole number of bytes, 0 or more"));
        return false;
    }
    *out = value.toInteger();
    return true;
}

// Answers a failed store call; false when it did fail.
bool check(const StoreResult& result, const Responder& respond)
{
    if (result.ok())
        return true;
    control::ErrorCode code = control::ErrorCode::Failed;
    switch (result.code) {
    case StoreErrorCode::NotFound:
        code = control::ErrorCode::NotFound;
        break;
    case StoreErrorCode::AlreadyExists:
        code = control::ErrorCode::AlreadyExists;
        break;
    case StoreErrorCode::Invalid:
        code = control::ErrorCode::InvalidParams;
        break;
    default:
        break;
    }
    respond.error(code, result.message);
    return false;
}

QString keyTypeName(crypto::KeyType type)
{
    return type == crypto::KeyType::Ed25519 ? QStringLiteral("ed25519") : QStringLiteral("rsa");
}

QJsonObject toJson(const DkimKeyRecord& key)
{
    QJsonObject object{
        {QStringLiteral("selector"), key.selector},
        {QStringLiteral("type"), keyTypeName(key.type)},
        {QStringLiteral("state"), DkimKeyRecord::stateName(key.state)},
        {QStringLiteral("created"), key.created.toString(Qt::ISODate)},
        {QStringLiteral("name"), key.recordName()},
        {QStringLiteral("text"), key.recordText()},
        {QStringLiteral("value"), auth::txtPresentation(key.recordText())},
    };
    if (key.retired)
        object.insert(QStringLiteral("retired"), key.retired->toString(Qt::ISODate));
    return object;
}

QJsonArray toJson(const QList<DkimKeyRecord>& keys)
{
    QJsonArray array;
    for (const DkimKeyRecord& key : keys)
        array.append(toJson(key));
    return array;
}

QJsonObject toJson(const MailboxInfo& box)
{
    return QJsonObject{{QStringLiteral("address"), box.address},
                       {QStringLiteral("quota_bytes"), box.quotaBytes},
                       {QStringLiteral("used_bytes"), box.usedBytes},
                       {QStringLiteral("disabled"), box.disabled},
                       {QStringLiteral("created"), box.created.toString(Qt::ISODate)}};
}

QJsonObject domainResult(const QString& name)
{
    return QJsonObject{{QStringLiteral("domain"), Directory::normalizeDomain(name)}};
}

QString normalizedAddress(const QString& address)
{
    const QString normalized = Directory::normalizeAddress(address);
    return normalized.isEmpty() ? address : normalized;
}

void registerDomainMethods(MethodTable& methods, const DirectoryContext& c)
{
    methods.add(QStringLiteral("domain.add"), [c](const QJsonObject& params, const Responder& respond) {
        QString name;
        if (!stringParam(params, "domain", respond, &name) || !check(c.directory->addDomain(name), respond))
            return;
        name = Directory::normalizeDomain(name);
        // A domain without keys could not sign; better no domain than half of one.
        if (const StoreResult keys = c.dkim->createInitialKeys(name); !keys.ok()) {
            (void)c.directory->removeDomain(name);
            check(keys, respond);
            return;
        }
        const QList<DkimKeyRecord> keys = c.dkim->publishedKeys(name);
        c.recordEvent(core::LogLevel::Notice, kDirectory, tr("domain %1 added").arg(name),
                      {{QStringLiteral("domain"), name}});
        QStringList selectors;
        for (const DkimKeyRecord& key : keys)
            selectors.append(key.selector);
        c.recordEvent(core::LogLevel::Notice, kDkim,
                      tr("DKIM keys %1 of %2 created; they sign at once")
                          .arg(selectors.join(QStringLiteral(", ")), name),
                      {{QStringLiteral("domain"), name},
                       {QStringLiteral("selectors"), QJsonArray::fromStringList(selectors)}});
        QJsonObject result = domainResult(name);
        result.insert(QStringLiteral("dkim"), toJson(keys));
        respond.result(result);
    });

    methods.add(QStringLiteral("domain.remove"), [c](const QJsonObject& params, const Responder& respond) {
        QString name;
        if (!stringParam(params, "domain", respond, &name))
            return;
        if (!c.directory->domain(name)) {
            respond.error(control::ErrorCode::NotFound, tr("no domain %1").arg(name));
            return;
        }
        name = Directory::normalizeDomain(name);
        if (!check(c.dkim->removeDomainKeys(name), respond) ||
            !check(c.directory->removeDomain(name), respond))
            return;
        c.recordEvent(core::LogLevel::Notice, kDirectory,
                      tr("domain %1 removed with its mailboxes, aliases and DKIM keys").arg(name),
                      {{QStringLiteral("domain"), name}});
        respond.result(domainResult(name));
    });

    methods.add(QStringLiteral("domain.list"), [c](const QJsonObject&, const Responder& respond) {
        QJsonArray list;
        for (const DomainInfo& d : c.directory->domains())
            list.append(QJsonObject{
                {QStringLiteral("name"), d.name},
                {QStringLiteral("unicode"), QUrl::fromAce(d.name.toLatin1(), QUrl::IgnoreIDNWhitelist)},
                {QStringLiteral("catchall"), d.catchall},
                {QStringLiteral("postmaster"), d.postmaster},
                {QStringLiteral("mailboxes"), c.directory->mailboxes(d.name).size()},
                {QStringLiteral("created"), d.created.toString(Qt::ISODate)}});
        respond.result(QJsonObject{{QStringLiteral("domains"), list}});
    });

    methods.add(QStringLiteral("catchall.set"), [c](const QJsonObject& params, const Responder& respond) {
        QString name;
        QString target;
        if (!stringParam(params, "domain", respond, &name) ||
            !stringParam(params, "target", respond, &target) ||
            !check(c.directory->setCatchall(name, target), respond))
            return;
        target = normalizedAddress(target);
        name = Directory::normalizeDomain(name);
        c.recordEvent(core::LogLevel::Notice, kDirectory, tr("catch-all of %1 set to %2").arg(name, target),
                      {{QStringLiteral("domain"), name}, {QStringLiteral("target"), target}});
        QJsonObject result = domainResult(name);
        result.insert(QStringLiteral("catchall"), target);
        respond.result(result);
    });

    methods.add(QStringLiteral("catchall.clear"), [c](const QJsonObject& params, const Responder& respond) {
        QString name;
        if (!stringParam(params, "domain", respond, &name) ||
            !check(c.directory->setCatchall(name, {}), respond))
            return;
        name = Directory::normalizeDomain(name);
        c.recordEvent(core::LogLevel::Notice, kDirectory, tr("catch-all of %1 cleared").arg(name),
                      {{QStringLiteral("domain"), name}});
        respond.result(domainResult(name));
    });

    methods.add(QStringLiteral("postmaster.set"), [c](const QJsonObject& params, const Responder& respond) {
        QString name;
        QString mailbox;
        if (!stringParam(params, "domain", respond, &name) ||
            !optionalStringParam(params, "mailbox", respond, &mailbox) ||
            !check(c.directory->setPostmaster(name, mailbox), respond))
            return;
        name = Directory::normalizeDomain(name);
        mailbox = mailbox.isEmpty() ? QString() : normalizedAddress(mailbox);
        c.recordEvent(core::LogLevel::Notice, kDirectory,
                      mailbox.isEmpty() ? tr("postmaster of %1 reset to the default").arg(name)
                                        : tr("postmaster and abuse of %1 go to %2").arg(name, mailbox),
                      {{QStringLiteral("domain"), name}, {QStringLiteral("mailbox"), mailbox}});
        QJsonObject result = domainResult(name);
        result.insert(QStringLiteral("postmaster"), mailbox);
        respond.result(result);
    });
}

void registerMailboxMethods(MethodTable& methods, const DirectoryContext& c)
{
    methods.add(QStringLiteral("mailbox.add"), [c](const QJsonObject& params, const Responder& respond) {
        QString address;
        QString password;
        qint64 quota = 0;
        if (!stringParam(params, "address", respond, &address) || !quotaParam(params, false, respond, &quota))
            return;
        const QJsonValue pw = params.value(QStringLiteral("password"));
        if (!pw.isString() || pw.toString().isEmpty()) {
            respond.error(control::ErrorCode::InvalidParams, tr("a password is required"));
            return;
        }
        if (!check(c.directory->addMailbox(address, pw.toString().toUtf8(), quota), respond))
            return;
        address = normalizedAddress(address);
        c.recordEvent(core::LogLevel::Notice, kDirectory, tr("mailbox %1 added").arg(address),
                      {{QStringLiteral("address"), address}, {QStringLiteral("quota_bytes"), quota}});
        respond.result(toJson(*c.directory->mailbox(address)));
    });

    methods.add(QStringLiteral("mailbox.remove"), [c](const QJsonObject& params, const Responder& respond) {
        QString address;
        if (!stringParam(params, "address", respond, &address) ||
            !check(c.directory->removeMailbox(address), respond))
            return;
        address = normalizedAddress(address);
        c.recordEvent(core::LogLevel::Notice, kDirectory, tr("mailbox %1 removed").arg(address),
                      {{QStringLiteral("address"), address}});
        respond.result(QJsonObject{{QStringLiteral("address"), address}});
    });

    methods.add(QStringLiteral("mailbox.list"), [c](const QJsonObject& params, const Responder& respond) {
        QString domain;
        if (!optionalStringParam(params, "domain", respond, &domain))
            return;
        if (!domain.isEmpty() && !c.directory->domain(domain)) {
            respond.error(control::ErrorCode::NotFound, tr("no domain %1").arg(domain));
            return;
        }
        QJsonArray list;
        for (const MailboxInfo& box : c.directory->mailboxes(domain))
            list.append(toJson(box));
        respond.result(QJsonObject{{QStringLiteral("mailboxes"), list}});
    });

    methods.add(QStringLiteral("mailbox.passwd"), [c](const QJsonObject& params, const Responder& respond) {
        QString address;
        if (!stringParam(params, "address", respond, &address))
            return;
        const QJsonValue pw = params.value(QStringLiteral("password"));
        if (!pw.isString() || pw.toString().isEmpty()) {
            respond.error(control::ErrorCode::InvalidParams, tr("a password is required"));
            return;
        }
        if (!check(c.directory->setPassword(address, pw.toString().toUtf8()), respond))
            return;
        address = normalizedAddress(address);
        c.recordEvent(core::LogLevel::Notice, kDirectory, tr("password of %1 changed").arg(address),
                      {{QStringLiteral("address"), address}});
        respond.result(QJsonObject{{QStringLiteral("address"), address}});
    });

    methods.add(QStringLiteral("mailbox.quota"), [c](const QJsonObject& params, const Responder& respond) {
        QString address;
        qint64 quota = 0;
        if (!stringParam(params, "address", respond, &address) ||
            !quotaParam(params, true, respond, &quota) ||
            !check(c.directory->setQuota(address, quota), respond))
            return;
        address = normalizedAddress(address);
        c.recordEvent(core::LogLevel::Notice, kDirectory,
                      quota == 0 ? tr("quota of %1 removed").arg(address)
                                 : tr("quota of %1 set to %2 bytes").arg(address).arg(quota),
                      {{QStringLiteral("address"), address}, {QStringLiteral("quota_bytes"), quota}});
        respond.result(toJson(*c.directory->mailbox(address)));
    });

    for (const bool disable : {true, false}) {
        methods.add(disable ? QStringLiteral("mailbox.disable") : QStringLiteral("mailbox.enable"),
                    [c, disable](const QJsonObject& params, const Responder& respond) {
                        QString address;
                        if (!stringParam(params, "address", respond, &address) ||
                            !check(c.directory->setDisabled(address, disable), respond))
                            return;
                        address = normalizedAddress(address);
                        c.recordEvent(
                            core::LogLevel::Notice, kDirectory,
                            disable ? tr("mailbox %1 disabled").arg(address)
                                    : tr("mailbox %1 enabled").arg(address),
                            {{QStringLiteral("address"), address}, {QStringLiteral("disabled"), disable}});
                        respond.result(toJson(*c.directory->mailbox(address)));
                    });
    }
}

// The alias as the event log and the reply show it: address and targets in normalized form.
void normalizeAlias(QString* address, QStringList* targets)
{
    *address = normalizedAddress(*address);
    for (QString& target : *targets)
        target = normalizedAddress(target);
}

QJsonObject aliasJson(const QString& address, const QStringList& targets)
{
    return {{QStringLiteral("address"), address},
            {QStringLiteral("targets"), QJsonArray::fromStringList(targets)}};
}

void registerAliasMethods(MethodTable& methods, const DirectoryContext& c)
{
    methods.add(QStringLiteral("alias.add"), [c](const QJsonObject& params, const Responder& respond) {
        QString address;
        QStringList targets;
        if (!stringParam(params, "address", respond, &address) ||
            !stringListParam(params, "targets", true, respond, &targets) ||
            !check(c.directory->addAlias(address, targets), respond))
            return;
        normalizeAlias(&address, &targets);
        c.recordEvent(core::LogLevel::Notice, kDirectory,
                      tr("alias %1 → %2 added").arg(address, targets.join(QStringLiteral(", "))),
                      aliasJson(address, targets));
        respond.result(aliasJson(address, targets));
    });

    methods.add(QStringLiteral("alias.remove"), [c](const QJsonObject& params, const Responder& respond) {
        QString address;
        QStringList targets;
        if (!stringParam(params, "address", respond, &address) ||
            !stringListParam(params, "targets", false, respond, &targets) ||
            !check(c.directory->removeAlias(address, targets), respond))
            return;
        normalizeAlias(&address, &targets);
        c.recordEvent(
            core::LogLevel::Notice, kDirectory,
            targets.isEmpty()
                ? tr("alias %1 removed").arg(address)
                : tr("targets %2 removed from alias %1").arg(address, targets.join(QStringLiteral(", "))),
            aliasJson(address, targets));
        respond.result(aliasJson(address, targets));
    });

    methods.add(QStringLiteral("alias.list"), [c](const QJsonObject& params, const Responder& respond) {
        QString domain;
        if (!optionalStringParam(params, "domain", respond, &domain))
            return;
        if (!domain.isEmpty() && !c.directory->domain(domain)) {
            respond.error(control::ErrorCode::NotFound, tr("no domain %1").arg(domain));
            return;
        }
        QMap<QString, QStringList> grouped;
        for (const AliasInfo& alias : c.directory->aliases(domain))
            grouped[alias.address].append(alias.target);
        QJsonArray list;
        for (auto it = grouped.cbegin(); it != grouped.cend(); ++it)
            list.append(QJsonObject{{QStringLiteral("address"), it.key()},
                                    {QStringLiteral("targets"), QJsonArray::fromStringList(it.value())}});
        respond.result(QJsonObject{{QStringLiteral("aliases"), list}});
    });
}

void registerDkimMethods(MethodTable& methods, const DirectoryContext& c)
{
    // Every method here needs a domain of ours.
    const auto domainOf = [c](const QJsonObject& params, const Responder& respond, QString* name) {
        if (!stringParam(params, "domain", respond, name))
            return false;
        if (!c.directory->domain(*name)) {
            respond.error(control::ErrorCode::NotFound, tr("no domain %1").arg(*name));
            return false;
        }
        *name = Directory::normalizeDomain(*name);
        return true;
    };

    methods.add(QStringLiteral("dkim.show"),
                [c, domainOf](const QJsonObject& params, const Responder& respond) {
                    QString name;
                    if (!domainOf(params, respond, &name))
                        return;
                    QJsonObject result = domainResult(name);
                    result.insert(QStringLiteral("keys"), toJson(c.dkim->keys(name)));
                    respond.result(result);
                });

    methods.add(QStringLiteral("dkim.rotate"),
                [c, domainOf](const QJsonObject& params, const Responder& respond) {
                    QString name;
                    QList<DkimKeyRecord> created;
                    if (!domainOf(params, respond, &name) || !check(c.dkim->rotate(name, &created), respond))
                        return;
                    QStringList selectors;
                    for (const DkimKeyRecord& key : created)
                        selectors.append(key.selector);
                    c.recordEvent(core::LogLevel::Notice, kDkim,
                                  tr("DKIM rotation of %1 started: publish %2, then activate them")
                                      .arg(name, selectors.join(QStringLiteral(", "))),
                                  {{QStringLiteral("domain"), name},
                                   {QStringLiteral("selectors"), QJsonArray::fromStringList(selectors)}});
                    QJsonObject result = domainResult(name);
                    result.insert(QStringLiteral("created"), toJson(created));
                    result.insert(QStringLiteral("keys"), toJson(c.dkim->keys(name)));
                    respond.result(result);
                });

    methods.add(QStringLiteral("dkim.activate"),
                [c, domainOf](const QJsonObject& params, const Responder& respond) {
                    QString name;
                    if (!domainOf(params, respond, &name) || !check(c.dkim->activate(name), respond))
                        return;
                    QStringList selectors;
                    for (const DkimSigningKey& key : c.dkim->signingKeys(name))
                        selectors.append(key.selector);
                    c.recordEvent(core::LogLevel::Notice, kDkim,
                                  tr("DKIM keys %1 of %2 sign now; the old keys stay published for %3 days")
                                      .arg(selectors.join(QStringLiteral(", ")), name)
                                      .arg(c.dkim->retentionDays()),
                                  {{QStringLiteral("domain"), name},
                                   {QStringLiteral("selectors"), QJsonArray::fromStringList(selectors)}});
                    QJsonObject result = domainResult(name);
                    result.insert(QStringLiteral("keys"), toJson(c.dkim->keys(name)));
                    respond.result(result);
                });

    methods.add(
        QStringLiteral("records"), [c, domainOf](const QJsonObject& params, const Responder& respond) {
            QString name;
            if (!domainOf(params, respond, &name))
                return;
            auth::MailDomainSetup setup;
            setup.domain = name;
            setup.mailHost = c.config->hostname;
            setup.addresses = c.config->publicAddresses;
            for (const DkimKeyRecord& key : c.dkim->publishedKeys(name))
                setup.dkimKeys.append(auth::DkimKeyInfo{key.selector, key.type, key.publicKey});
            // postmaster@ is always accepted, so the reports always have somewhere to go.
            setup.dmarcReportAddress = QStringLiteral("postmaster@") + name;
            const auth::GeneratedRecords generated = auth::DnsRecordGenerator::generate(setup);
            QJsonArray records;
            for (const auth::GeneratedRecord& record : generated.records)
                records.append(QJsonObject{
                    {QStringLiteral("name"), record.name},
                    {QStringLiteral("type"), dns::recordTypeName(record.type)},
                    {QStringLiteral("value"), record.value},
                    {QStringLiteral("ttl"), static_cast<qint64>(record.ttl)},
                    {QStringLiteral("purpose"), record.purpose},
                    {QStringLiteral("required"), record.requirement == auth::RecordRequirement::Required},
                });
            QJsonObject result = domainResult(name);
            result.insert(QStringLiteral("hostname"), setup.mailHost);
            result.insert(QStringLiteral("zone"), auth::ZoneFragment::toBindZone(generated.records));
            result.insert(QStringLiteral("records"), records);
            result.insert(QStringLiteral("errors"), QJsonArray::fromStringList(generated.errors));
            result.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(generated.warnings));
            respond.result(result);
        });
}

} // namespace

void registerDirectoryMethods(MethodTable& methods, DirectoryContext context)
{
    registerDomainMethods(methods, context);
    registerMailboxMethods(methods, context);
    registerAliasMethods(methods, context);
    registerDkimMethods(methods, context);
}

} // namespace pw::service
