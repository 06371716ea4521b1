"""Dictations written for these tests, in phrasings the dev set does not use, with what they mean."""

from __future__ import annotations

from typing import Any

MA, MO, NH, RI, CT, ME, VT, NY, NJ, PA = (
    ("MA", 21), ("MO", 25), ("NH", 29), ("RI", 39), ("CT", 7), ("ME", 19), ("VT", 45), ("NY", 32), ("NJ", 30), ("PA", 38),
)


def case(text: str, first: str, last: str, email: str | None, phone: str | None, street: str | None,
         city: str | None, state: tuple[str, int] | None, zip_code: str | None, trade: str | None) -> dict[str, Any]:
    return {
        "text": text,
        "expected": {
            "first_name": first, "last_name": last, "email": email, "phone": phone, "street": street,
            "city": city, "state": state[0] if state else None, "state_id": state[1] if state else None,
            "zip": zip_code, "trade": trade,
        },
    }


UNSEEN = [
    case("Hey, I need to put in a new lead. Her name is Rachel O'Brien, she lives at forty two Birch Road in Newton, Massachusetts, zip oh two four five eight. Cell is six one seven, double five five, twelve thirty four. Email rachel dot obrien at yahoo dot com. She wants a new roof.",
         "Rachel", "O'Brien", "rachel.obrien@yahoo.com", "6175551234", "42 Birch Road", "Newton", MA, "02458", "ROOFING"),
    case("Doyle, Rachel. 781-555-0199. rdoyle@gmail.com. 9 Pine Ct, Salem NH 03079. Gutters.",
         "Rachel", "Doyle", "rdoyle@gmail.com", "7815550199", "9 Pine Court", "Salem", NH, "03079", "GUTTERS"),
    case("new customer sean mccarthy cell 508 555 0147 email sean underscore mccarthy at comcast dot net address 221 pleasant st worcester mass 01609 interested in vinyl siding",
         "Sean", "McCarthy", "sean_mccarthy@comcast.net", "5085550147", "221 Pleasant Street", "Worcester", MA, "01609", "SIDING"),
    case("Add a customer named Tom Nguyen, lives at one twenty three Oak Street, Concord New Hampshire oh three three oh one, mobile (603) 555-0111, email tom.nguyen@outlook.com, windows replacement",
         "Tom", "Nguyen", "tom.nguyen@outlook.com", "6035550111", "123 Oak Street", "Concord", NH, "03301", "WINDOWS"),
    case("Please create a new client record for Maria Garcia. Phone number: 401.555.0177. E-mail: MGarcia@Verizon.net. Address: 15 Water St., Providence, R.I. 02903. Trade: siding.",
         "Maria", "Garcia", "mgarcia@verizon.net", "4015550177", "15 Water Street", "Providence", RI, "02903", "SIDING"),
    case("Create customer Jennifer Walsh, phone one four one three five five five zero one nine eight, address 77 Maple Drive, Springfield, M A 01109, email jen walsh at gmail dot com, gutter guards",
         "Jennifer", "Walsh", "jenwalsh@gmail.com", "4135550198", "77 Maple Drive", "Springfield", MA, "01109", "GUTTERS"),
    case("Okay so new homeowner, Kevin O Brien, email kevin at obrien dash family dot com, phone 860 555 0133, 5 Harbor View Lane Mystic CT 06355, roof leak",
         "Kevin", "O'Brien", "kevin@obrien-family.com", "8605550133", "5 Harbor View Lane", "Mystic", CT, "06355", "ROOFING"),
    case("Name: Laura Chen\nCell: 617-555-0164\nE-mail: laura.chen@gmail.com\nStreet: 48 Beacon St\nCity: Boston\nState: Mass\nZip: 02108\nProject: replacement windows\nReferred by: Dave Smith",
         "Laura", "Chen", "laura.chen@gmail.com", "6175550164", "48 Beacon Street", "Boston", MA, "02108", "WINDOWS"),
    case("Set up a new customer: Patricia Lopez. Her email is P Lopez 22 at hotmail dot com and her cell is nine seven eight, five five five, oh one two two. She's at 310 Essex Street, Salem, Massachusetts 01970. Looking at seamless gutters.",
         "Patricia", "Lopez", "plopez22@hotmail.com", "9785550122", "310 Essex Street", "Salem", MA, "01970", "GUTTERS"),
    case("New Customer Mike Sullivan At 14 Elm Ave Portsmouth Nh 03801 Phone 603 555 0100 Email Mike At Sullivan Roofing Dot Com Wants Roof Replacement",
         "Mike", "Sullivan", "mike@sullivanroofing.com", "6035550100", "14 Elm Avenue", "Portsmouth", NH, "03801", "ROOFING"),
    case("Add customer Brian Kelly, 12 Main Street, Apt 3B, Quincy, MA 02169, phone 617-555-0109, brian.kelly@gmail.com, windows. Found us on Google.",
         "Brian", "Kelly", "brian.kelly@gmail.com", "6175550109", "12 Main Street", "Quincy", MA, "02169", "WINDOWS"),
    case("customer: D'Angelo, Mark; phone: (413) 555-0172; email: mark.dangelo@aol.com; address: 600 Sumner Ave, Springfield, MA 01108; trade: roofing",
         "Mark", "D'Angelo", "mark.dangelo@aol.com", "4135550172", "600 Sumner Avenue", "Springfield", MA, "01108", "ROOFING"),
    case("i've got a new one for you, james brown, five oh eight five five five oh one three one, james brown at gmail dot com, eighteen ninety two Washington Street, Braintree Mass oh two one eight four, gutters",
         "James", "Brown", "jamesbrown@gmail.com", "5085550131", "1892 Washington Street", "Braintree", MA, "02184", "GUTTERS"),
    case("Add Rebecca Hall as a customer. 401 555 0190. rebecca.hall@gmail.com. 45 Hope Street, Bristol, Rhode Island 02809. Roof.",
         "Rebecca", "Hall", "rebecca.hall@gmail.com", "4015550190", "45 Hope Street", "Bristol", RI, "02809", "ROOFING"),
    case("New customer Peter Van Dyke, phone 9785550100, email pvandyke at gmail dot com, 1 Lowell Road, Concord, Massachusetts 01742, interested in gutters",
         "Peter", "Van Dyke", "pvandyke@gmail.com", "9785550100", "1 Lowell Road", "Concord", MA, "01742", "GUTTERS"),
    case("We have a new customer from Kansas City: Olivia Bennett, 816 555 0142, obennett at icloud dot com, 2200 Grand Blvd, Kansas City, MO 64108, wants gutters replaced",
         "Olivia", "Bennett", "obennett@icloud.com", "8165550142", "2200 Grand Boulevard", "Kansas City", MO, "64108", "GUTTERS"),
    case("add new customer. last name Petrov, first name Nina. number is two oh seven, five five five, oh one five oh. 3 Fore Street, Portland, Maine 04101. Replacement windows. email nina.petrov@gmail.com",
         "Nina", "Petrov", "nina.petrov@gmail.com", "2075550150", "3 Fore Street", "Portland", ME, "04101", "WINDOWS"),
    case("Create a new customer, Daniel Murphy comma phone 802 555 0111 comma email D Murphy at gmail dot com comma 14 Church St comma Burlington comma VT 05401 comma new siding period",
         "Daniel", "Murphy", "dmurphy@gmail.com", "8025550111", "14 Church Street", "Burlington", VT, "05401", "SIDING"),
    case("New client: Aisha Khan | 212-555-0187 | aisha.khan@yahoo.com | 350 W 42nd St, New York, NY 10036 | windows",
         "Aisha", "Khan", "aisha.khan@yahoo.com", "2125550187", "350 W 42nd Street", "New York", NY, "10036", "WINDOWS"),
    case("Please add Tom and the house is at 88 Ocean Ave, Cape May, New Jersey 08204 -- Tom Becker, tom becker 77 at aol dot com, 609 555 0133, roofing",
         "Tom", "Becker", "tombecker77@aol.com", "6095550133", "88 Ocean Avenue", "Cape May", NJ, "08204", "ROOFING"),
    case("new customer Chris Young 267-555-0100 chris@youngfamily.org 19 Walnut Ln Philadelphia PA 19103 roof inspection after the storm",
         "Chris", "Young", "chris@youngfamily.org", "2675550100", "19 Walnut Lane", "Philadelphia", PA, "19103", "ROOFING"),
    case("Add customer Lucy Nguyen. Phone: +1 (617) 555-0190. Email: lucy.nguyen@gmail.com. 5 Adams Street, Quincy, Massachusetts 02169. She wants downspouts and new gutters.",
         "Lucy", "Nguyen", "lucy.nguyen@gmail.com", "6175550190", "5 Adams Street", "Quincy", MA, "02169", "GUTTERS"),
    case("new lead Hannah Scott, 314 555 0177, hannah scott at gmail dot com, 41 Main Street, Springfield Missouri 65806, wants new windows",
         "Hannah", "Scott", "hannahscott@gmail.com", "3145550177", "41 Main Street", "Springfield", MO, "65806", "WINDOWS"),
    case("Customer is Marcus Reed, reach him on his cell at (860) 555-0144 or marcus dot reed at outlook dot com; property is 7 Elm Street, Hartford, Connecticut 06103; he's after a full roof replacement",
         "Marcus", "Reed", "marcus.reed@outlook.com", "8605550144", "7 Elm Street", "Hartford", CT, "06103", "ROOFING"),
    case("NEW CUSTOMER JOHN SMITH PHONE 603 555 0166 EMAIL JSMITH AT GMAIL DOT COM 10 MAIN ST NASHUA NH 03060 SIDING",
         "John", "Smith", "jsmith@gmail.com", "6035550166", "10 Main Street", "Nashua", NH, "03060", "SIDING"),
]

UNSEEN += [
    case("617-555-0101, 22 Summer St, Lynn MA 01902, email gsmith at gmail dot com, name is George Smith, wants gutters",
         "George", "Smith", "gsmith@gmail.com", "6175550101", "22 Summer Street", "Lynn", MA, "01902", "GUTTERS"),
    case("I just talked to a homeowner, Betty White, who needs her siding redone. She's at 5 Saint Paul Street, Saint Albans, Vermont 05478. You can reach her at eight zero two, five five five, zero one one two.",
         "Betty", "White", None, "8025550112", "5 St. Paul Street", "St. Albans", VT, "05478", "SIDING"),
    case("new customer: Frank Castle; 1 Broadway, Somerville, MA 02145; frank.castle at sign protonmail dot com; ph 617 555 0188; windows",
         "Frank", "Castle", "frank.castle@protonmail.com", "6175550188", "1 Broadway", "Somerville", MA, "02145", "WINDOWS"),
    case("Add Greg Hill, 39 Country Club Rd, Nantucket, Mass. 02554, greg at hillhouse dot net, cell 508-555-0110 ext 12, roofing",
         "Greg", "Hill", "greg@hillhouse.net", "5085550110", "39 Country Club Road", "Nantucket", MA, "02554", "ROOFING"),
    case("create customer Kim Lee phone six oh three five five five oh one double two email kim lee at yahoo dot com address nine hundred twelve Elm Street Manchester New Hampshire oh three one oh one trade roofing",
         "Kim", "Lee", "kimlee@yahoo.com", "6035550122", "912 Elm Street", "Manchester", NH, "03101", "ROOFING"),
    case("Karen Walsh wants windows. 4 Beach Rd Apt 2 Gloucester ma 01930. 978 555 0175. karenwalsh@comcast.net",
         "Karen", "Walsh", "karenwalsh@comcast.net", "9785550175", "4 Beach Road", "Gloucester", MA, "01930", "WINDOWS"),
    case("Add a new customer. His name is Robert Jones Jr. Phone 401-555-0121. Address 100 Broad St Unit 5, Westerly RI 02891. Email bob.jones@gmail.com. He wants a new roof and gutters.",
         "Robert", "Jones", "bob.jones@gmail.com", "4015550121", "100 Broad Street", "Westerly", RI, "02891", "ROOFING"),
    case("add customer, Nguyen, Linh, 617 555 0155, linh nguyen at gmail dot com, 80 Dorchester Ave, Boston, MA 02127, siding",
         "Linh", "Nguyen", "linhnguyen@gmail.com", "6175550155", "80 Dorchester Avenue", "Boston", MA, "02127", "SIDING"),
    case("Customer Joe Blow. cell 5085550100. Joe's email joeblow@aol.com. Lives in Fall River, Massachusetts on 16 Rock Street, zip 02720. Roof repair.",
         "Joe", "Blow", "joeblow@aol.com", "5085550100", "16 Rock Street", "Fall River", MA, "02720", "ROOFING"),
    case("Okay um let's add, uh, Priya Patel. Her cell is seven eight one. Five five five. Zero one four four. Email priya patel at gmail dot com. Address is sixty five Maple Avenue, Lexington, Massachusetts, oh two four two one. She needs gutters cleaned and replaced.",
         "Priya", "Patel", "priyapatel@gmail.com", "7815550144", "65 Maple Avenue", "Lexington", MA, "02421", "GUTTERS"),
]
