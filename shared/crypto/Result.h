#pragma once

#include "shared/crypto/CryptoError.h"

#include <QtGlobal>
#include <optional>
#include <utility>
#include <variant>

namespace pw::crypto {

// GCC 12 in C++20 mode has no std::expected; this is the small part of it the module needs.
template<class T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_state(std::in_place_index<0>, std::move(value))
    {}
    Result(CryptoError error)
        : m_state(std::in_place_index<1>, std::move(error))
    {}

    [[nodiscard]] bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    [[nodiscard]] const T& value() const&
    {
        Q_ASSERT(ok());
        return std::get<0>(m_state);
    }
    [[nodiscard]] T& value() &
    {
        Q_ASSERT(ok());
        return std::get<0>(m_state);
    }
    [[nodiscard]] T&& value() &&
    {
        Q_ASSERT(ok());
        return std::get<0>(std::move(m_state));
    }

    // An empty error on success, so that `QVERIFY2(r.ok(), qPrintable(r.error().message))` and
    // log lines built before the check are safe.
    [[nodiscard]] const CryptoError& error() const
    {
        static const CryptoError none;
        return ok() ? none : std::get<1>(m_state);
    }

private:
    std::variant<T, CryptoError> m_state;
};

template<> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(CryptoError error)
        : m_error(std::move(error))
    {}

    [[nodiscard]] bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }

    [[nodiscard]] const CryptoError& error() const
    {
        static const CryptoError none;
        return m_error ? *m_error : none;
    }

private:
    std::optional<CryptoError> m_error;
};

} // namespace pw::crypto
