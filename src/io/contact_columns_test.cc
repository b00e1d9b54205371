#include "io/contact_columns.h"

#include <gtest/gtest.h>

namespace nextcall {
namespace {

TEST(RoleFromTitleTest, ScreenersAreGatekeepers) {
  for (const char* t : {"Receptionist", "Front Desk", "Executive Assistant to the CEO", "Administrative Assistant",
                        "Office Manager", "Secretary", "PA to Managing Director"})
    EXPECT_EQ(role_from_title(t), "gatekeeper") << t;
}

TEST(RoleFromTitleTest, PeopleWhoSignAreDecisionMakers) {
  for (const char* t : {"Owner", "VP Operations", "Assistant Vice President, Procurement", "Plant Manager",
                        "Director of Facilities", "Chief Financial Officer", "Co-Founder & CEO", "Head of Logistics",
                        "General Manager", "Managing Partner"})
    EXPECT_EQ(role_from_title(t), "decision_maker") << t;
}

TEST(RoleFromTitleTest, SpecialistsAreInfluencers) {
  for (const char* t : {"Process Engineer", "Senior Buyer", "Purchasing Coordinator", "Maintenance Supervisor",
                        "Financial Analyst", "Team Lead"})
    EXPECT_EQ(role_from_title(t), "influencer") << t;
}

TEST(RoleFromTitleTest, ATitleThatSaysNothingGuessesNothing) {
  for (const char* t : {"", "  ", "Mr", "Dr.", "Ben's contact", "n/a"}) EXPECT_EQ(role_from_title(t), "") << t;
}

}  // namespace
}  // namespace nextcall
