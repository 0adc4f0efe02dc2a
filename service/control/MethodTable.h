#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <functional>

namespace pw::service {

class Responder;

// Control methods by name. Handlers get the params object and a Responder that they answer
// now or later (long-running methods such as diagnostics answer later).
class MethodTable
{
public:
    using Handler = std::function<void(const QJsonObject& params, const Responder& responder)>;

    void add(const QString& name, Handler handler);
    [[nodiscard]] const Handler* find(const QString& name) const;
    [[nodiscard]] QStringList names() const;

private:
    QHash<QString, Handler> m_handlers;
};

} // namespace pw::service
