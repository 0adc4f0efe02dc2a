#include "app/ServiceDiagnosticsInput.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <memory>

namespace pw::app {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("pw::app::ServiceDiagnosticsInput", text);
}

// The p= and k= tags of a published DKIM record: what the check compares DNS against.
std::optional<diag::DkimKeyExpectation> expectationFrom(const QJsonObject& key)
{
    diag::DkimKeyExpectation expectation;
    expectation.selector = key.value(QStringLiteral("selector")).toString();
    expectation.type = key.value(QStringLiteral("type")).toString() == QLatin1String("ed25519")
                           ? crypto::KeyType::Ed25519
                           : crypto::KeyType::Rsa;
    const QStringList tags = key.value(QStringLiteral("text")).toString().split(QLatin1Char(';'));
    for (const QString& tag : tags) {
        const QString trimmed = tag.trimmed();
        if (trimmed.startsWith(QLatin1String("p=")))
            expectation.publicKey =
                QByteArray::fromBase64(trimmed.mid(2).remove(QLatin1Char(' ')).toLatin1());
    }
    if (expectation.selector.isEmpty() || expectation.publicKey.isEmpty())
        return std::nullopt;
    return expectation;
}

// Three calls in sequence; whatever the service cannot answer is left at its default.
struct Collector
{
    control::ControlClient& client;
    QString domain;
    QPointer<QObject> context;
    std::function<void(const ServiceDiagnosticsInput&)> done;
    ServiceDiagnosticsInput result;

    void finish()
    {
        if (context)
            done(result);
    }
};

void readListeners(ServiceDiagnosticsInput& result, const QJsonObject& status)
{
    result.input.hostname = status.value(QStringLiteral("hostname")).toString();
    for (const QJsonValue& value : status.value(QStringLiteral("listeners")).toArray()) {
        const QJsonObject listener = value.toObject();
        const QString role = listener.value(QStringLiteral("role")).toString();
        if (role == QLatin1String("control") ||
            listener.value(QStringLiteral("state")).toString() != QLatin1String("listening"))
            continue;
        const auto address = core::HostPort::parse(listener.value(QStringLiteral("address")).toString());
        if (!address)
            continue;
        result.input.localListeners.append(diag::LocalListener{
            role, *address, role == QLatin1String("submissions") || role == QLatin1String("imaps")});
    }
}

void readConfig(ServiceDiagnosticsInput& result, const QJsonObject& config)
{
    const QString hostname = config.value(QStringLiteral("hostname")).toString();
    if (!hostname.isEmpty())
        result.input.hostname = hostname;
    for (const QJsonValue& value : config.value(QStringLiteral("public_addresses")).toArray()) {
        const QHostAddress address(value.toString());
        if (!address.isNull())
            result.input.publicAddresses.append(address);
    }
    for (const QJsonValue& value : config.value(QStringLiteral("dns_servers")).toArray())
        result.dnsServers.append(value.toString());
}

} // namespace

void loadServiceDiagnosticsInput(control::ControlClient& client, const QString& domain, QObject* context,
                                 std::function<void(const ServiceDiagnosticsInput&)> done)
{
    auto collector = std::make_shared<Collector>(Collector{client, domain, context, std::move(done), {}});
    collector->result.input.domain = domain;
    client.call(QStringLiteral("status"), QJsonObject{}, context, [collector](const control::Reply& status) {
        if (!status.ok) {
            collector->result.error = tr("The service did not answer: %1").arg(status.error.message);
            collector->finish();
            return;
        }
        readListeners(collector->result, status.result.toObject());
        collector->client.call(
            QStringLiteral("config.show"), QJsonObject{}, collector->context,
            [collector](const control::Reply& config) {
                if (config.ok)
                    readConfig(collector->result, config.result.toObject());
                if (collector->domain.isEmpty()) {
                    collector->finish();
                    return;
                }
                collector->client.call(
                    QStringLiteral("dkim.show"), QJsonObject{{QStringLiteral("domain"), collector->domain}},
                    collector->context, [collector](const control::Reply& dkim) {
                        // A domain the service does not know yet has no keys to expect.
                        for (const QJsonValue& value :
                             dkim.result.toObject().value(QStringLiteral("keys")).toArray()) {
                            const QJsonObject key = value.toObject();
                            if (key.value(QStringLiteral("state")).toString() == QLatin1String("withdrawn"))
                                continue;
                            if (const auto expectation = expectationFrom(key))
                                collector->result.input.dkimKeys.append(*expectation);
                        }
                        collector->finish();
                    });
            });
    });
}

} // namespace pw::app
