#pragma once

class QVBoxLayout;
class QWidget;

namespace pw::ui {

// The layout a wizard page fills: inside a frameless scroll area that fills the page, so that a
// page with many results and notes scrolls on a small screen instead of squeezing its lists.
[[nodiscard]] QVBoxLayout* scrollingPageLayout(QWidget* page);

} // namespace pw::ui
