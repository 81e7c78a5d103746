// The centred message card that stands in for a list: loading failed, nothing to show, no access.
// An icon in a circle, a title and a text; the caller adds buttons between Begin and End.
#pragma once

#include <string>  // the error's detail

#include <imgui.h>  // ImU32

namespace ui {

void BeginMessage(const char* id, const char* iconText, ImU32 iconColor, const char* title, const char* text);
// Centres the next button row of total width w inside the message card.
void CentreNext(float w);
float ButtonWidth(const char* label, const char* iconText = nullptr);
// Registers the card under `role` (an error is an alert and carries the server's message).
void EndMessage(const char* id, const char* title, const char* role = "status", const std::string& detail = {});

}  // namespace ui
