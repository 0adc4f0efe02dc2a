#pragma once

#include <functional>

class QWidget;

namespace pw::control {
class ControlClient;
}

namespace pw::ui {

// The console's directory pages ask the service again whenever they come into view and whenever
// the connection to the service is back while they are shown, so a change made on one page (or
// by postwardenctl) needs no wiring to the others.
void refreshOnShow(QWidget& view, control::ControlClient& client, std::function<void()> refresh);

} // namespace pw::ui
