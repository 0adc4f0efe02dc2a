#include "service/store/Migrations.h"

namespace pw::service {

const QList<Migration>& migrations()
{
    static const QList<Migration> list{
        {1,
         {QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
          QStringLiteral("CREATE TABLE events ("
                         " id INTEGER PRIMARY KEY,"
                         " time TEXT NOT NULL,"
                         " level TEXT NOT NULL,"
                         " category TEXT NOT NULL,"
                         " message TEXT NOT NULL,"
                         " session TEXT,"
                         " fields TEXT)"),
          QStringLiteral("CREATE INDEX events_time ON events(time)")}},
    };
    return list;
}

} // namespace pw::service
