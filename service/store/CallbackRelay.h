#pragma once

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <functional>
#include <type_traits>

namespace pw::service {

// Wraps `done` so that calling the result on any thread (the store's writer thread) runs `done`
// on the thread of `context`, and not at all once `context` is gone. With a null context the
// result is `done` itself: it runs where it is called. The result must be called exactly once.
//
// The call is posted to a relay object of our own on the context's thread, not to the context
// itself: the context may be destroyed on its thread while the writer posts, and posting to a
// deleted object is undefined. On the context's thread the QPointer check cannot race with the
// context's destruction.
template<typename... Args>
std::function<void(Args...)> relayTo(QObject* context, std::function<void(Args...)> done)
{
    if (!context)
        return done;
    auto* relay = new QObject;
    if (relay->thread() != context->thread())
        relay->moveToThread(context->thread());
    return [relay, guard = QPointer<QObject>(context), done = std::move(done)](Args... args) {
        // Copies of the arguments travel with the call; the caller's may be gone by then.
        QMetaObject::invokeMethod(
            relay,
            [relay, guard, done, ... args = std::decay_t<Args>(args)] {
                if (guard)
                    done(args...);
                delete relay;
            },
            Qt::QueuedConnection);
    };
}

} // namespace pw::service
