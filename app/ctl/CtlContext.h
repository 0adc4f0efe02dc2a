#pragma once

#include "shared/control/ControlClient.h"

#include <QJsonValue>
#include <QStringList>
#include <QTextStream>
#include <functional>

namespace pw::ctl {

enum ExitCode
{
    ExitOk = 0,
    ExitFailed = 1,
    ExitUsage = 2,
    ExitUnavailable = 3
};

// What every command gets: the connected client, the output mode, and the way out.
class CtlContext
{
public:
    CtlContext(control::ControlClient& client, bool json);

    [[nodiscard]] control::ControlClient& client() { return m_client; }
    [[nodiscard]] bool json() const { return m_json; }
    // For commands that also take --json after their own name.
    void setJson(bool json) { m_json = json; }
    [[nodiscard]] QTextStream& out() { return m_out; }

    // Ends the program with `code`; a non-zero code prints the one-line reason on stderr.
    void finish(int code, const QString& reason = {});
    // Calls a method; on error finishes with its message, on success hands over the result.
    void call(const QString& method, const QJsonObject& params,
              std::function<void(const QJsonValue&)> onResult);
    // Prints the result as JSON (with --json) or through `render`.
    void print(const QJsonValue& result, const std::function<void(const QJsonValue&)>& render);

private:
    control::ControlClient& m_client;
    bool m_json;
    bool m_finished = false;
    QTextStream m_out;
};

} // namespace pw::ctl
