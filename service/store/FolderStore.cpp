#include "service/store/FolderStore.h"

#include "service/store/MessageStore.h"

namespace pw::service {

FolderStore::FolderStore(MessageStore& store, QObject* parent) : QObject(parent), m_store(store) {}

FolderStore::~FolderStore() = default;

} // namespace pw::service
