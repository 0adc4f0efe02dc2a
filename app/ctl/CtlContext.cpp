#include "app/ctl/CtlContext.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

namespace pw::ctl {

CtlContext::CtlContext(control::ControlClient& client, bool json)
    : m_client(client)
    , m_json(json)
    , m_out(stdout)
{}

void CtlContext::finish(int code, const QString& reason)
{
    if (std::exchange(m_finished, true))
        return;
    m_out.flush();
    if (code != ExitOk && !reason.isEmpty())
        std::fprintf(stderr, "postwardenctl: %s\n", qPrintable(reason.simplified()));
    // Queued: a command may finish before the event loop has started, and exit() would be lost.
    QMetaObject::invokeMethod(
        QCoreApplication::instance(), [code] { QCoreApplication::exit(code); }, Qt::QueuedConnection);
}

void CtlContext::call(const QString& method, const QJsonObject& params,
                      std::function<void(const QJsonValue&)> onResult)
{
    m_client.call(method, params, &m_client, [this, onResult](const control::Reply& reply) {
        if (!reply.ok) {
            finish(reply.error.code == control::ErrorCode::Unavailable ? ExitUnavailable : ExitFailed,
                   reply.error.message);
            return;
        }
        onResult(reply.result);
    });
}

void CtlContext::print(const QJsonValue& result, const std::function<void(const QJsonValue&)>& render)
{
    if (m_json) {
        const QJsonDocument document =
            result.isArray() ? QJsonDocument(result.toArray()) : QJsonDocument(result.toObject());
        m_out << document.toJson(QJsonDocument::Indented);
    } else {
        render(result);
    }
    m_out.flush();
}

} // namespace pw::ctl
