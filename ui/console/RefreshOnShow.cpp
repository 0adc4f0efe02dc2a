#include "ui/console/RefreshOnShow.h"

#include "shared/control/ControlClient.h"

#include <QEvent>
#include <QWidget>

namespace pw::ui {

namespace {

class ShowWatcher : public QObject
{
public:
    ShowWatcher(QWidget& view, std::function<void()> refresh)
        : QObject(&view)
        , m_refresh(std::move(refresh))
    {
        view.installEventFilter(this);
    }

    void refresh() const { m_refresh(); }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Show && watched == parent())
            m_refresh();
        return false;
    }

private:
    std::function<void()> m_refresh;
};

} // namespace

void refreshOnShow(QWidget& view, control::ControlClient& client, std::function<void()> refresh)
{
    auto* watcher = new ShowWatcher(view, std::move(refresh));
    QObject::connect(&client, &control::ControlClient::connected, watcher, [watcher, &view] {
        if (view.isVisible())
            watcher->refresh();
    });
}

} // namespace pw::ui
