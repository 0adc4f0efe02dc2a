#pragma once

#include <QFrame>
#include <QStyle>

class QLabel;
class QVBoxLayout;

namespace pw::ui {

// A framed note with an icon: what a wizard page wants the owner to read before anything else
// (where the PTR record is set, what a relay is). The text label carries `labelName` as its
// object name, so that tests find it.
class WizardNoteBox : public QFrame
{
    Q_OBJECT

public:
    WizardNoteBox(QStyle::StandardPixmap icon, const QString& labelName, QWidget* parent = nullptr);

    void setText(const QString& richText);
    [[nodiscard]] QString text() const;
    [[nodiscard]] QLabel* label() const { return m_label; }
    // Below the text, in the same box (a value to copy, a button).
    void addWidget(QWidget* widget);

private:
    QLabel* m_label;
    QVBoxLayout* m_text;
};

} // namespace pw::ui
