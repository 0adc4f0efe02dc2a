#include "service/control/MethodTable.h"

namespace pw::service {

void MethodTable::add(const QString& name, Handler handler)
{
    m_handlers.insert(name, std::move(handler));
}

const MethodTable::Handler* MethodTable::find(const QString& name) const
{
    const auto it = m_handlers.constFind(name);
    return it == m_handlers.cend() ? nullptr : &it.value();
}

QStringList MethodTable::names() const
{
    QStringList list = m_handlers.keys();
    list.sort();
    return list;
}

} // namespace pw::service
