import type { Random } from '@tessera/core';

// A mix of common US given names and surnames; names only need to look plausible.
// prettier-ignore
export const FIRST_NAMES: readonly string[] = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David',
  'Elizabeth', 'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah',
  'Carlos', 'Karen', 'Daniel', 'Lisa', 'Matthew', 'Nancy', 'Anthony', 'Sandra', 'Mark', 'Ashley',
  'Jose', 'Emily', 'Luis', 'Michelle', 'Kevin', 'Amanda', 'Brian', 'Melissa', 'Wei', 'Stephanie',
  'Jason', 'Rebecca', 'Ryan', 'Laura', 'Jacob', 'Maria', 'Gary', 'Sofia', 'Nicholas', 'Angela',
  'Eric', 'Priya', 'Jonathan', 'Nicole', 'Andre', 'Samantha', 'Juan', 'Katherine', 'Min-jun',
  'Christine', 'Raj', 'Rachel', 'Tyrone', 'Olivia', 'Diego', 'Grace', 'Omar', 'Hannah', 'Tuan',
  'Aisha', 'Marcus', 'Lauren', 'Ethan', 'Camila', 'Noah', 'Ava', 'Hiroshi', 'Mei', 'Andrew', 'Zoe',
];

// prettier-ignore
export const SURNAMES: readonly string[] = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez',
  'Martinez', 'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore',
  'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark',
  'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres',
  'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell',
  'Mitchell', 'Carter', 'Roberts', 'Chen', 'Patel', 'Kim', 'Wang', 'Singh', 'Tran', 'Cohen',
  'Murphy', "O'Brien", 'Sullivan', 'Kowalski', 'Novak', 'Schmidt', 'Fischer', 'Rossi', 'Russo',
  'Okafor', 'Mensah', 'Yamamoto', 'Tanaka', 'Park', 'Choi', 'Gupta', 'Shah', 'Ali', 'Hassan',
  'Bennett', 'Brooks', 'Hayes', 'Price', 'Foster', 'Reed', 'Ortiz', 'Morales', 'Castillo',
];

/** A "First Last" name for a rep. */
export function drawPersonName(random: Random): string {
  return `${FIRST_NAMES[random.int(FIRST_NAMES.length)]!} ${SURNAMES[random.int(SURNAMES.length)]!}`;
}
