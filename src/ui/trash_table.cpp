// Placeholder while the table is built: draws nothing yet.
#include "ui/trash_table.h"

namespace ui {
void TrashTable::Draw(Frame&, float) {}
}  // namespace ui
